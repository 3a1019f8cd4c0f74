using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// The batch's rules (<see cref="BatchRun"/>) on a real journal file: keying, admission, the duplicate guard
    /// and counting. Only the HTTP edge is scripted, for the service's list of recent payouts.
    /// </summary>
    public sealed class BatchRunTests : JournalFiles
    {
        private const string Payee = "1775000000000000001";

        private BatchRun Open(bool allowDuplicate = false, RecentPayouts? recent = null, TimeSpan? window = null, string? journal = "default") => BatchRun.Open(new BatchRunOptions
        {
            JournalPath = journal == null ? null : journal == "default" ? JournalPath : journal,
            Header = Header(),
            Ids = journal == null ? RequestIdSource.Required : RequestIdSource.Derived,
            AllowDuplicate = allowDuplicate,
            DuplicateWindow = window,
            LoadRecentPayouts = recent == null ? null : (_, _) => recent,
        });

        private static (RemittanceRequest Request, IReadOnlyList<RequestField> Fields) Row(string amount, string? requestId = null, string payee = Payee, string? reference = null)
        {
            var request = new RemittanceRequest
            {
                RequestId = requestId ?? "pending", BeneficiaryId = payee, SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = amount, Purpose = "PersonalRemittance", Reference = reference,
            };
            return (request, request.ToFields());
        }

        private static Admission Admit(BatchRun run, int row, string amount, string? requestId = null, string payee = Payee, string? reference = null)
        {
            var (request, fields) = Row(amount, requestId, payee, reference);
            return run.Admit(row, request, fields, hasOwnId: requestId != null);
        }

        /// <summary>What a run that sent <paramref name="admission"/> and got a payout would have recorded.</summary>
        private static void Pay(BatchRun run, Admission admission)
        {
            var row = admission.Row;
            Intent(run, row);
            var payout = "{\"payoutId\":\"17740000000000000" + row.Row.ToString("00") + "\",\"requestId\":\"" + row.RequestId + "\",\"payoutStatus\":\"A\",\"sourceAmount\":\"" + row.Amount +
                         "\",\"sourceCurrency\":\"USD\",\"targetCurrency\":\"EUR\",\"createTime\":\"2026-11-29 10:00:00\"}";
            run.Journal!.RecordPaid(row.Row, PayoutRecord.From(System.Text.Json.JsonDocument.Parse(payout).RootElement, PayoutOutcome.Created));
            run.Count(new BatchResult(row, PayoutRecord.From(System.Text.Json.JsonDocument.Parse(payout).RootElement, PayoutOutcome.Created), null));
        }

        [Fact]
        public void Rows_without_a_RequestId_get_the_same_ids_on_a_rerun_and_paid_rows_are_not_sent_again()
        {
            string first, second;
            using (var run = Open())
            {
                var a = Admit(run, 1, "10.00");
                var b = Admit(run, 2, "20.00");
                Assert.Equal(AdmissionKind.Send, a.Kind);
                Assert.Equal(AdmissionKind.Send, b.Kind);
                first = a.RequestId;
                second = b.RequestId;
                Assert.Equal(32, first.Length);
                Pay(run, a);
                Intent(run, b.Row); // sent, answer lost
            }

            using (var rerun = Open())
            {
                var a = Admit(rerun, 1, "10.00");
                var b = Admit(rerun, 2, "20.00");
                Assert.Equal((AdmissionKind.AlreadyPaid, first), (a.Kind, a.RequestId));
                Assert.Equal("1774000000000000001", a.Paid!.PayoutId);
                Assert.Equal((AdmissionKind.Send, second), (b.Kind, b.RequestId));
                Assert.True(b.Row.MayAlreadyExist, "an intent without an outcome is looked up before it is sent again");
            }
        }

        [Fact]
        public void Two_identical_rows_without_RequestIds_hold_the_second_unless_duplicates_are_allowed()
        {
            using (var run = Open())
            {
                Assert.Equal(AdmissionKind.Send, Admit(run, 1, "10.00").Kind);
                var second = Admit(run, 2, "10.00");
                Assert.Equal((AdmissionKind.Held, AdmissionReason.DuplicateInInput), (second.Kind, second.Reason));
                Assert.Contains("as row 1,", second.Message);
                Assert.Equal(AdmissionKind.Send, Admit(run, 3, "10.00", reference: "bonus").Kind);
            }

            File.Delete(JournalPath);
            using (var allowed = Open(allowDuplicate: true))
            {
                var a = Admit(allowed, 1, "10.00");
                var b = Admit(allowed, 2, "10.00");
                Assert.Equal((AdmissionKind.Send, AdmissionKind.Send), (a.Kind, b.Kind));
                Assert.NotEqual(a.RequestId, b.RequestId); // two payouts, each with its own derived id
            }
        }

        [Fact]
        public void Held_and_refused_rows_are_counted_as_refused_and_journaled_with_their_own_outcome_except_a_command_line_row()
        {
            using (var run = Open())
            {
                Assert.Equal(AdmissionKind.Send, Admit(run, 1, "10.00").Kind);
                var held = Admit(run, 2, "10.00");
                run.Hold(held, "Row 2: looks like row 1");
                run.Refuse(3, null, "Row 3: SendAmount 'ten' is not a number");
                run.Refuse(0, "CLI-1", "no row: given on the command line");
                run.Summary.Finish();
                Assert.Equal(PayoutBatchSummary.ExitInvalidInput, run.Summary.ExitCode);
            }

            var read = JournalRows.Open(JournalPath).Rows().Where(r => r.Outcome != RowOutcome.InDoubt).ToDictionary(r => r.Row);
            Assert.Equal(new[] { 2, 3 }, read.Keys.OrderBy(r => r));
            Assert.Equal((RowOutcome.Held, "Row 2: looks like row 1"), (read[2].Outcome, read[2].Error));
            Assert.Equal((RowOutcome.Invalid, "Row 3: SendAmount 'ten' is not a number"), (read[3].Outcome, read[3].Error));
        }

        /// <summary>An earlier run, with -AllowDuplicate, of two identical rows without RequestIds: the first paid, the second sent and never answered.</summary>
        private (string Paid, string Unpaid) TwoIdenticalRowsPartlyPaid()
        {
            using (var run = Open(allowDuplicate: true))
            {
                var first = Admit(run, 1, "10.00");
                var second = Admit(run, 2, "10.00");
                Pay(run, first);
                Intent(run, second.Row);
                return (first.RequestId, second.RequestId);
            }
        }

        [Fact]
        public void A_rerun_of_only_one_of_two_identical_partly_paid_rows_holds_it_instead_of_calling_it_paid()
        {
            var (_, unpaid) = TwoIdenticalRowsPartlyPaid();

            using (var rerun = Open())
            {
                var only = Admit(rerun, 1, "10.00");
                Assert.Equal((AdmissionKind.Deferred, AdmissionReason.AmbiguousOccurrence), (only.Kind, only.Reason));
                var decided = Assert.Single(rerun.ResolveDeferred());

                Assert.Equal((AdmissionKind.Held, AdmissionReason.AmbiguousOccurrence), (decided.Kind, decided.Reason));
                Assert.Contains("recorded 2 identical rows like this one (no RequestId), some paid and some not, and this input has 1", decided.Message);
                Assert.Equal(unpaid, Assert.Single(rerun.NotReached()).RequestId); // and the unpaid one is still named
            }
        }

        [Fact]
        public void A_rerun_of_the_whole_file_maps_identical_partly_paid_rows_in_order()
        {
            var (paid, unpaid) = TwoIdenticalRowsPartlyPaid();

            using (var rerun = Open())
            {
                Assert.Equal(AdmissionKind.Deferred, Admit(rerun, 1, "10.00").Kind);
                Assert.Equal(AdmissionKind.Deferred, Admit(rerun, 2, "10.00").Kind);
                var decided = rerun.ResolveDeferred().ToDictionary(a => a.RequestId, a => a.Kind);

                Assert.Equal(new Dictionary<string, AdmissionKind> { [paid] = AdmissionKind.AlreadyPaid, [unpaid] = AdmissionKind.Send }, decided);
                Assert.Empty(rerun.NotReached());
            }
        }

        [Fact]
        public void More_identical_rows_than_an_interrupted_run_reached_map_in_order_and_the_rest_are_sent()
        {
            var (paid, unpaid) = TwoIdenticalRowsPartlyPaid();

            using (var rerun = Open(allowDuplicate: true))
            {
                Admit(rerun, 1, "10.00");
                Admit(rerun, 2, "10.00");
                var third = Admit(rerun, 3, "10.00"); // the run was killed before it reached this one
                Assert.Equal(AdmissionKind.Send, third.Kind);
                var decided = rerun.ResolveDeferred().ToDictionary(a => a.RequestId, a => a.Kind);

                Assert.Equal(new Dictionary<string, AdmissionKind> { [paid] = AdmissionKind.AlreadyPaid, [unpaid] = AdmissionKind.Send }, decided);
            }
        }

        [Fact]
        public void Identical_rows_all_paid_need_no_deferral()
        {
            using (var run = Open(allowDuplicate: true))
            {
                Pay(run, Admit(run, 1, "10.00"));
                Pay(run, Admit(run, 2, "10.00"));
            }

            using (var rerun = Open())
            {
                Assert.Equal(AdmissionKind.AlreadyPaid, Admit(rerun, 1, "10.00").Kind);
                Assert.Empty(rerun.ResolveDeferred());
            }
        }

        [Fact]
        public void A_RequestId_twice_in_one_input_is_one_payout_counted_once_and_other_content_under_it_is_refused()
        {
            using var run = Open(journal: null);
            var first = Admit(run, 1, "100.00", "INV-1");
            Assert.Equal(AdmissionKind.Send, first.Kind);
            run.Count(new BatchResult(first.Row, PayoutRecord.From(System.Text.Json.JsonDocument.Parse(Envelopes.Payout.Replace("R-1", "INV-1")).RootElement, PayoutOutcome.Created), null));

            var again = Admit(run, 2, "100.00", "INV-1");
            Assert.Equal(AdmissionKind.Repeated, again.Kind);
            run.Summary.Add(RowOutcome.Repeated, again.RequestId);
            var other = Admit(run, 3, "99.00", "INV-1");
            Assert.Equal((AdmissionKind.Refused, AdmissionReason.RequestIdReused), (other.Kind, other.Reason));

            Assert.Equal(1, run.Summary.Paid);
            Assert.Equal(1, run.Summary.Repeated);
            Assert.Equal(100.00m, run.Summary.Totals.Single().Sent);
        }

        [Fact]
        public void A_row_changed_under_its_RequestId_since_the_journal_is_refused_with_the_earlier_row_named()
        {
            using (var run = Open())
            {
                Pay(run, Admit(run, 4, "78.93", "PAY-4"));
            }

            using var rerun = Open();
            var edited = Admit(rerun, 4, "79.93", "PAY-4");
            Assert.Equal((AdmissionKind.Refused, AdmissionReason.ChangedSinceJournal), (edited.Kind, edited.Reason));
            Assert.Contains("row 4 of an earlier run", edited.Message);
        }

        [Fact]
        public void An_amount_edited_after_its_row_was_paid_is_held_when_the_input_ends_without_the_original()
        {
            string original;
            using (var run = Open())
            {
                var first = Admit(run, 1, "78.93");
                original = first.RequestId;
                Pay(run, first);
                Pay(run, Admit(run, 2, "5.00", payee: "1775000000000000002"));
            }

            using var rerun = Open();
            var edited = Admit(rerun, 1, "79.93");
            Assert.Equal(AdmissionKind.Deferred, edited.Kind);
            Assert.Equal(AdmissionKind.AlreadyPaid, Admit(rerun, 2, "5.00", payee: "1775000000000000002").Kind);

            var decided = rerun.ResolveDeferred().Single();
            Assert.Equal((AdmissionKind.Held, AdmissionReason.DuplicateInJournal), (decided.Kind, decided.Reason));
            Assert.Contains("payout 1774000000000000001", decided.Message);
            Assert.Contains("78.93 USD", decided.Message);
            Assert.Contains($"(RequestId {original})", decided.Message); // read back from the journal: its index keeps no strings
        }

        [Fact]
        public void A_deferred_row_is_sent_when_the_paid_row_it_resembled_comes_later_in_the_input()
        {
            using (var run = Open())
            {
                Admit(run, 1, "10.00"); // refused by the service, say: never paid
                Pay(run, Admit(run, 2, "20.00"));
            }

            using var rerun = Open();
            Assert.Equal(AdmissionKind.Deferred, Admit(rerun, 1, "10.00").Kind); // row 2's payout (same payee) is not reached yet
            Assert.Equal(AdmissionKind.AlreadyPaid, Admit(rerun, 2, "20.00").Kind);
            Assert.Equal(AdmissionKind.Send, rerun.ResolveDeferred().Single().Kind);
        }

        [Fact]
        public void Unpaid_rows_of_earlier_runs_that_the_input_never_reached_are_named_and_fail_the_run()
        {
            string unpaid;
            using (var run = Open(allowDuplicate: true))
            {
                Pay(run, Admit(run, 1, "10.00"));
                var twin = Admit(run, 2, "10.00");
                unpaid = twin.RequestId;
                Intent(run, twin.Row);
                run.Journal!.RecordFailure(2, twin.RequestId, RowOutcome.Refused, "429", null);
            }

            using var subset = Open(allowDuplicate: true);
            Assert.Equal(AdmissionKind.Deferred, Admit(subset, 1, "10.00").Kind); // one row for two partly paid twins: which one?
            Assert.Equal(AdmissionKind.Held, subset.ResolveDeferred().Single().Kind);
            var missing = subset.NotReached();
            Assert.Equal((2, unpaid), missing.Single()); // its RequestId read back from the journal
            Assert.Equal(1, subset.Summary.NotReached);
            subset.Summary.Finish();
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, subset.Summary.ExitCode);
        }

        [Fact]
        public void A_row_matching_a_recent_payout_the_journal_does_not_know_is_held_each_payout_holding_one_row()
        {
            var listed = "{\"payoutId\":\"1774000000000000999\",\"requestId\":\"OTHER-JOURNAL-1\",\"payoutStatus\":\"S\",\"sourceAmount\":\"10.0\",\"sourceCurrency\":\"USD\"," +
                         "\"targetAmount\":\"9.10\",\"targetCurrency\":\"eur\",\"beneficiaryId\":\"" + Payee + "\",\"createTime\":\"2026-11-28 09:00:00\"}";
            var handler = new ScriptedHandler().ThenJson("{\"respCode\":\"20000\",\"data\":{\"records\":[" + listed + "],\"total\":\"1\"}}");
            var recent = List(handler, RecentPayouts.DefaultWindow, _ => false);

            using var run = Open(recent: recent);
            var first = Admit(run, 1, "10.00");
            Assert.Equal((AdmissionKind.Held, AdmissionReason.DuplicateAtService), (first.Kind, first.Reason));
            Assert.Contains("payout 1774000000000000999", first.Message);
            Assert.Equal(AdmissionKind.Send, Admit(run, 2, "10.00", reference: "x").Kind); // another reference: another payout
            Assert.Equal(AdmissionKind.Send, Admit(run, 3, "11.00").Kind);
            Assert.Contains("size", handler.Sent.Single().Body);
        }

        [Fact]
        public void The_guard_leaves_rows_with_their_own_RequestId_alone_unless_a_window_is_given()
        {
            var recent = new RecentPayouts();
            recent.Add(System.Text.Json.JsonDocument.Parse(
                "{\"payoutId\":\"1\",\"requestId\":\"X\",\"sourceAmount\":\"10.00\",\"sourceCurrency\":\"USD\",\"targetCurrency\":\"EUR\",\"beneficiaryId\":\"" + Payee + "\"}").RootElement);
            using (var run = Open(recent: recent, journal: null))
            {
                Assert.Equal(AdmissionKind.Send, Admit(run, 1, "10.00", "INV-1").Kind);
            }

            using (var guarded = Open(recent: recent, window: TimeSpan.FromHours(1), journal: null))
            {
                Assert.Equal(AdmissionKind.Send, Admit(guarded, 1, "10.00", "X").Kind); // its own payout: the identity rules settle it
                Assert.Equal(AdmissionKind.Held, Admit(guarded, 2, "10.00", "INV-2").Kind);
            }
        }

        [Fact]
        public void Earlier_payouts_alike_each_hold_one_row_in_the_order_listed()
        {
            var recent = new RecentPayouts();
            foreach (var id in new[] { "11", "12" })
            {
                recent.Add(System.Text.Json.JsonDocument.Parse("{\"payoutId\":\"" + id + "\",\"requestId\":\"EARLIER-" + id + "\",\"sourceAmount\":\"10.00\"," +
                    "\"sourceCurrency\":\"USD\",\"targetCurrency\":\"EUR\",\"beneficiaryId\":\"" + Payee + "\"}").RootElement);
            }

            using var run = Open(recent: recent, window: TimeSpan.FromHours(1), journal: null);
            var first = Admit(run, 1, "10.00", "INV-1");
            var second = Admit(run, 2, "10.00", "INV-2");

            Assert.Equal((AdmissionKind.Held, AdmissionKind.Held), (first.Kind, second.Kind));
            Assert.Contains("payout 11 (requestId EARLIER-11", first.Message);
            Assert.Contains("payout 12 (requestId EARLIER-12", second.Message);
            Assert.Equal(AdmissionKind.Send, Admit(run, 3, "10.00", "INV-3").Kind); // two earlier payouts hold two rows, not three
            Assert.Equal(2, recent.Count);
        }

        [Theory]
        [InlineData("10.00", "10", true)]
        [InlineData("10.5", "10.50", true)]
        [InlineData("0.10", "0.1", true)]
        [InlineData("007.50", "7.5", true)]   // not written plainly: compared as the number
        [InlineData("100.", "100", true)]
        [InlineData("100", "10", false)]      // trailing zeros of a whole number are not decimals
        [InlineData("10.01", "10.1", false)]
        public void The_guard_compares_amounts_as_numbers_currencies_in_any_case_and_an_account_by_its_last_four(string listed, string sent, bool held)
        {
            var recent = new RecentPayouts();
            recent.Add(System.Text.Json.JsonDocument.Parse("{\"payoutId\":\"21\",\"requestId\":\"EARLIER-21\",\"sourceAmount\":\"" + listed + "\"," +
                "\"sourceCurrency\":\"usd\",\"targetCurrency\":\"eur\",\"cardNumber\":\"****3000\",\"reference\":\"May\"}").RootElement);
            using var run = Open(recent: recent, window: TimeSpan.FromHours(1), journal: null);
            var request = new RemittanceRequest
            {
                RequestId = "INV-1", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = sent, Purpose = "PersonalRemittance", Reference = "May",
            };
            request.Payee = new PayeeDetails();
            request.Payee.Account["cardNumber"] = "DE89370400440532013000";

            var admission = run.Admit(1, request, Row(sent, "INV-1").Fields, hasOwnId: true); // the fields give the row's content hash; the guard reads the request

            Assert.Equal(held ? AdmissionKind.Held : AdmissionKind.Send, admission.Kind);
        }

        [Fact]
        public void Listing_pages_through_every_page_and_leaves_out_payouts_the_journal_knows()
        {
            string Page(int from, int count, int total) => "{\"respCode\":\"20000\",\"data\":{\"records\":[" + string.Join(",", Enumerable.Range(from, count).Select(i =>
                "{\"payoutId\":\"" + i + "\",\"requestId\":\"R-" + i + "\",\"sourceAmount\":\"1.00\",\"sourceCurrency\":\"USD\",\"targetCurrency\":\"EUR\",\"beneficiaryId\":\"" + i + "\"}")) +
                "],\"total\":\"" + total + "\"}}";
            var handler = new ScriptedHandler().ThenJson(Page(1, 100, 250)).ThenJson(Page(101, 100, 250)).ThenJson(Page(201, 50, 250));

            var recent = List(handler, TimeSpan.FromHours(1), id => id == "R-7");

            Assert.Equal(249, recent.Count);
            // Pages after the first are asked for a few at a time: compared as a set.
            Assert.Equal(new[] { "1", "2", "3" }, handler.Sent.Select(s => System.Text.Json.JsonDocument.Parse(s.Body).RootElement.GetProperty("current").ToString()).OrderBy(c => c, StringComparer.Ordinal).ToArray());
        }

        [Theory]
        [InlineData(3)]
        [InlineData(16)]
        public async Task Listing_asks_for_as_many_pages_at_once_as_the_run_may_have_in_flight_and_no_more(int limit)
        {
            // A page more than the limit would wait in a wave that never fills: the listing then stalls to the deadline.
            var handler = new GatedListHandler(total: 2500, limit);

            var recent = await RecentPayouts.LoadAsync(handler.Client(), TimeSpan.FromHours(1), _ => false, limit, NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(2500, recent.Count);
            Assert.Equal(Enumerable.Range(1, 26), handler.Asked.OrderBy(c => c)); // every page once, then one past the last full page
            Assert.Equal(limit, handler.MostInFlight);
            Assert.False(handler.GaveUpWaiting, $"a wave of {limit} pages never filled: fewer or more pages than the limit were asked for at once");
        }

        [Theory]
        [InlineData("Created", RowOutcome.Created)]
        [InlineData("Journaled", RowOutcome.Journaled)]
        [InlineData("InDoubt", RowOutcome.InDoubt)]
        [InlineData("Unavailable", RowOutcome.Unavailable)]
        [InlineData("NotSent", RowOutcome.NotSent)]
        [InlineData("Payee", RowOutcome.Refused)]
        [InlineData("RequestIdConflict", RowOutcome.Refused)]
        [InlineData("Pending", RowOutcome.InDoubt)]
        [InlineData("Paid!", RowOutcome.InDoubt)]
        [InlineData(null, RowOutcome.InDoubt)]
        public void Journal_outcomes_read_back_as_written_and_unknown_text_is_in_doubt_never_paid(string? text, RowOutcome expected) =>
            Assert.Equal(expected, RowOutcomes.Parse(text));

        [Theory]
        [InlineData(PayoutErrorKind.InDoubt, RowOutcome.InDoubt, PayoutBatchSummary.ExitInDoubt)]
        [InlineData(PayoutErrorKind.Unavailable, RowOutcome.Unavailable, PayoutBatchSummary.ExitSomeFailed)]
        [InlineData(PayoutErrorKind.Payee, RowOutcome.Refused, PayoutBatchSummary.ExitSomeFailed)]
        [InlineData(PayoutErrorKind.RequestIdConflict, RowOutcome.Refused, PayoutBatchSummary.ExitSomeFailed)]
        public void A_failed_row_is_journaled_and_counted_by_its_kind(PayoutErrorKind kind, RowOutcome outcome, int exitCode)
        {
            using (var run = Open())
            {
                var row = Admit(run, 1, "10.00", "R-1").Row;
                Intent(run, row);
                run.Journal!.RecordFailure(1, "R-1", RowOutcomes.Of(kind), "why", null, kind.ToString());
                Assert.Equal(outcome, run.Count(new BatchResult(row, null, new PayoutApiException(kind, "why", requestId: "R-1"))));
                run.Summary.Finish();
                Assert.Equal(exitCode, run.Summary.ExitCode);
            }

            var read = JournalRows.Open(JournalPath).Rows().Single();
            Assert.Equal(outcome, read.Outcome);
        }

        [Theory]
        [InlineData("A", true)]
        [InlineData("S", true)]
        [InlineData("F", false)]
        [InlineData("U", false)]
        [InlineData("V", false)]
        public void A_made_payout_is_paid_only_while_its_status_is_not_a_failure(string status, bool paid)
        {
            var row = new BatchRowState { Outcome = RowOutcome.Created, Status = status };

            Assert.True(row.IsCreated);
            Assert.Equal(paid, row.IsPaid);
        }

        [Fact]
        public void A_paid_outcome_stays_paid_whatever_a_later_record_says()
        {
            using (var run = Open())
            {
                var admission = Admit(run, 1, "10.00", "R-1");
                Pay(run, admission);
                run.Journal!.RecordFailure(1, "R-1", RowOutcome.InDoubt, "a later lookup failed", null);
            }

            var row = JournalRows.Open(JournalPath).Rows().Single();
            Assert.Equal(RowOutcome.Created, row.Outcome);
            Assert.Equal("1774000000000000001", row.PayoutId);
        }

        [Fact]
        public void Refreshing_a_row_with_another_payout_under_its_RequestId_leaves_it_unpaid()
        {
            using (var run = Open())
            {
                var row = Admit(run, 1, "100.00", "INV-9").Row;
                Intent(run, row);
                run.Journal!.RecordFailure(1, "INV-9", RowOutcome.InDoubt, "answer lost", null);
            }

            var state = JournalRows.Open(JournalPath).Rows().Single();
            var other = PayoutRecord.From(System.Text.Json.JsonDocument.Parse(Envelopes.Payout.Replace("R-1", "INV-9").Replace("100.00", "250.00")).RootElement, PayoutOutcome.Queried);
            Assert.Contains("not this row's payout", state.Settle(other));
            Assert.Equal(RowOutcome.InDoubt, state.Outcome);

            var own = PayoutRecord.From(System.Text.Json.JsonDocument.Parse(Envelopes.Payout.Replace("R-1", "INV-9")).RootElement, PayoutOutcome.Queried);
            Assert.Null(state.Settle(own));
            Assert.Equal(RowOutcome.Recovered, state.Outcome);
        }

        [Fact]
        public void Summary_counts_every_ending_and_only_paid_rows_in_the_totals()
        {
            var summary = new PayoutBatchSummary();
            summary.Add(RowOutcome.Created, "a", "10.00", "USD", "1.00");
            summary.Add(RowOutcome.Journaled, "b", "5.00", "USD", "0.50");
            summary.Add(RowOutcome.Repeated, "a", "10.00", "USD", "1.00");
            summary.Add(RowOutcome.Checked, "c");
            Assert.Equal(PayoutBatchSummary.ExitStopped, summary.ExitCode); // never 0 before the run has finished
            summary.Finish();
            Assert.Equal(PayoutBatchSummary.ExitAllPaid, summary.ExitCode);
            Assert.Equal(15.00m, summary.Totals.Single().Sent);

            summary.Add(RowOutcome.NotSent, "d");
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, summary.ExitCode);
            summary.Add(RowOutcome.Invalid, "e");
            Assert.Equal(PayoutBatchSummary.ExitInvalidInput, summary.ExitCode);
            summary.Add(RowOutcome.InDoubt, "f");
            Assert.Equal(PayoutBatchSummary.ExitInDoubt, summary.ExitCode);
            Assert.Equal(new[] { "f" }, summary.InDoubtRequestIds);

            var held = new PayoutBatchSummary();
            held.Add(RowOutcome.Held, "g");
            held.Finish();
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, held.ExitCode);
        }

        private static void Intent(BatchRun run, BatchRow row) =>
            run.Journal!.RecordIntentAsync(row.Row, row.RequestId, row.ContentHash, row.Amount, row.Currency, row.Payee).GetAwaiter().GetResult();

        private static RecentPayouts List(ScriptedHandler handler, TimeSpan window, Func<string, bool> known) =>
            RecentPayouts.LoadAsync(Client(handler), window, known, 4, NullPayoutLog.Instance, CancellationToken.None).GetAwaiter().GetResult();

        private static PayoutClient Client(ScriptedHandler handler) => handler.Client();
    }
}
