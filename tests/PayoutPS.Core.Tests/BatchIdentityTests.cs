using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
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
    /// Exactly once beyond one journal: a batch identity (-BatchId) every journal and machine derives the same
    /// RequestIds from, a guard window drawn by the service's clock, and a guard listing whose failure leaves no trace.
    /// </summary>
    public sealed class BatchIdentityTests : JournalFiles
    {
        private static (RemittanceRequest Request, IReadOnlyList<RequestField> Fields) Row(string amount)
        {
            var request = new RemittanceRequest
            {
                RequestId = "pending", BeneficiaryId = "1775000000000000001", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = amount, Purpose = "PersonalRemittance",
            };
            return (request, request.ToFields());
        }

        private static JournalHeader Named(string? batchId, string merchant = "800100")
        {
            var header = Header();
            header.BatchId = JournalHeader.NewBatchId(); // every journal has its own random id; only -BatchId is shared
            header.SenderBatchId = batchId;
            header.Merchant = merchant;
            return header;
        }

        private static BatchRun Open(string? journal, JournalHeader header, Func<TimeSpan, Func<string, bool>, RecentPayouts>? list = null) => BatchRun.Open(new BatchRunOptions
        {
            JournalPath = journal, Header = header, Ids = RequestIdSource.Derived, LoadRecentPayouts = list,
        });

        private static string[] Ids(BatchRun run, params string[] amounts) =>
            amounts.Select((amount, i) =>
            {
                var (request, fields) = Row(amount);
                return run.Admit(i + 1, request, fields, hasOwnId: false).RequestId;
            }).ToArray();

        [Fact]
        public void Two_journals_of_one_BatchId_derive_the_same_RequestIds_whatever_its_case_and_another_BatchId_or_merchant_derives_others()
        {
            string[] first, second, withoutJournal, otherBatch, otherMerchant;
            using (var run = Open(JournalPath, Named("payroll-2026-11")))
            {
                first = Ids(run, "10.00", "20.00", "10.00");
            }

            using (var run = Open(System.IO.Path.Combine(Dir, "second-server.journal"), Named("PAYROLL-2026-11")))
            {
                second = Ids(run, "10.00", "20.00", "10.00");
            }

            using (var run = Open(null, Named("Payroll-2026-11")))
            {
                withoutJournal = Ids(run, "10.00", "20.00", "10.00");
            }

            using (var run = Open(System.IO.Path.Combine(Dir, "next-month.journal"), Named("payroll-2026-12")))
            {
                otherBatch = Ids(run, "10.00", "20.00", "10.00");
            }

            using (var run = Open(System.IO.Path.Combine(Dir, "other-merchant.journal"), Named("payroll-2026-11", merchant: "800200")))
            {
                otherMerchant = Ids(run, "10.00", "20.00", "10.00");
            }

            Assert.Equal(3, first.Distinct().Count()); // identical rows 1 and 3 are occurrences 1 and 2
            Assert.All(first, id => Assert.Matches("^[0-9a-f]{32}$", id));
            Assert.Equal(first, second);
            Assert.Equal(first, withoutJournal);
            Assert.Empty(first.Intersect(otherBatch));
            Assert.Empty(first.Intersect(otherMerchant));
        }

        [Fact]
        public void Without_a_BatchId_each_journal_derives_its_own_ids_as_before()
        {
            string[] first, second;
            using (var run = Open(JournalPath, Named(null)))
            {
                first = Ids(run, "10.00");
            }

            using (var run = Open(System.IO.Path.Combine(Dir, "second.journal"), Named(null)))
            {
                second = Ids(run, "10.00");
            }

            Assert.NotEqual(first, second);
        }

        [Fact]
        public void A_journal_keeps_the_BatchId_it_started_with()
        {
            string[] started;
            using (var run = Open(JournalPath, Named("payroll-2026-11")))
            {
                started = Ids(run, "10.00");
            }

            var other = Assert.Throws<JournalException>(() => Open(JournalPath, Named("payroll-2026-12")));
            Assert.Contains("started with -BatchId payroll-2026-11, not payroll-2026-12", other.Message);
            Assert.Contains("Nothing was sent", other.Message);

            using (var rerun = Open(JournalPath, Named(null))) // a rerun that leaves -BatchId out continues with the journal's
            {
                Assert.Equal(started, Ids(rerun, "10.00"));
            }

            using (var rerun = Open(JournalPath, Named("PAYROLL-2026-11")))
            {
                Assert.Equal(started, Ids(rerun, "10.00"));
            }

            var unnamed = System.IO.Path.Combine(Dir, "unnamed.journal");
            Open(unnamed, Named(null)).Dispose();
            var late = Assert.Throws<JournalException>(() => Open(unnamed, Named("payroll-2026-11")));
            Assert.Contains("started without -BatchId", late.Message);
        }

        [Theory]
        [InlineData("payroll-2026-11", null)]
        [InlineData("A", null)]
        [InlineData("v1.2_run-3", null)]
        [InlineData("", "empty")]
        [InlineData("payroll 2026", "contains ' '")]
        [InlineData("lön-2026", "contains 'ö'")]
        [InlineData("payroll/11", "contains '/'")]
        public void A_BatchId_is_ASCII_letters_digits_dash_underscore_and_dot(string text, string? problem)
        {
            var found = SenderBatchIds.Problem(text);
            if (problem == null)
            {
                Assert.Null(found);
            }
            else
            {
                Assert.Contains(problem, found);
                Assert.Contains("payroll-2026-11", found); // every message shows a good one
            }

            Assert.Contains("at most 64", SenderBatchIds.Problem(new string('a', 65)));
            Assert.Null(SenderBatchIds.Problem(new string('a', 64)));
        }

        [Theory]
        [InlineData(-100, true)]   // 100 hours old, window 72 hours: last month's run under the same BatchId
        [InlineData(-1, false)]    // an hour old: another run of this batch (a second server) made it
        public void A_derived_RequestId_found_on_a_payout_older_than_the_window_is_held_and_named_not_paid(int ageHours, bool held)
        {
            // The service's clock is 3 hours behind this machine's: age is judged by the service's time, not ours.
            var serviceNow = DateTime.UtcNow.AddHours(-3);
            var created = serviceNow.AddHours(ageHours).ToString(FieldValues.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
            var (request, fields) = Row("100.00");
            request.RequestId = "0123456789abcdef0123456789abcdef";
            fields = RequestFields.With(fields, "requestId", request.RequestId);
            var existing = Envelopes.Payout.Replace("R-1", request.RequestId).Replace("\"fee\"", "\"createTime\":\"" + created + "\",\"fee\"");
            var handler = new ScriptedHandler().ThenJson("{\"respCode\":\"13003\",\"respMsg\":\"duplicate\",\"data\":" + existing + "}",
                configure: response => response.Headers.Date = new DateTimeOffset(serviceNow));
            var row = new BatchRow(1, request, fields, RequestFingerprint.Of(fields), "1775000000000000001", mayAlreadyExist: false, derivedId: true);

            using (var journal = BatchJournal.Open(JournalPath, Named("payroll-2026-11")))
            using (var batch = new PayoutBatch(handler.Client(), journal, throttleLimit: 1, NullPayoutLog.Instance, CancellationToken.None) { FreshWithin = TimeSpan.FromHours(72) })
            {
                Assert.True(batch.TryStart(row, TimeSpan.FromSeconds(10)));
                Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(10)));
                Assert.True(batch.Results.TryDequeue(out var result));
                if (held)
                {
                    Assert.Null(result!.Payout);
                    var error = Assert.IsType<PayoutApiException>(result.Error);
                    Assert.Equal(PayoutErrorKind.EarlierPayout, error.Kind);
                    Assert.Contains("1774000000000000001", error.Message);
                    Assert.Contains("an earlier pay run used the same BatchId", error.Message);
                }
                else
                {
                    Assert.Equal(PayoutOutcome.AlreadyExisted, result!.Payout!.Outcome);
                }
            }

            var read = JournalRows.Open(JournalPath).Rows().Single();
            Assert.Equal(held ? RowOutcome.Held : RowOutcome.AlreadyExisted, read.Outcome);
        }

        [Fact]
        public void A_failed_guard_listing_leaves_no_reservation_and_is_not_asked_again_for_every_row()
        {
            var listings = 0;
            RecentPayouts Fail(TimeSpan window, Func<string, bool> known)
            {
                listings++;
                throw new PayoutApiException(PayoutErrorKind.Unavailable, "the transaction list could not be read");
            }

            using var run = Open(JournalPath, Named("payroll-2026-11"), Fail);
            var (first, firstFields) = Row("10.00");
            Assert.Throws<PayoutApiException>(() => run.Admit(1, first, firstFields, hasOwnId: false));

            // The identical next row is neither "a repeat of row 1, sent once" nor "a second occurrence": row 1 was never sent.
            var (again, againFields) = Row("10.00");
            var error = Assert.Throws<PayoutApiException>(() => run.Admit(2, again, againFields, hasOwnId: false));
            Assert.Contains("could not be read", error.Message);
            Assert.Equal(first.RequestId, again.RequestId);
            Assert.Null(run.Journal!.Find(first.RequestId));
            Assert.Equal(1, listings);
        }

        [Fact]
        public void After_the_last_row_a_payout_another_run_made_meanwhile_for_a_paid_row_is_named_and_makes_exit_code_1()
        {
            static RecentPayouts Listing(params string[] payouts)
            {
                var listing = new RecentPayouts();
                foreach (var payout in payouts)
                {
                    listing.Add(JsonDocument.Parse(payout).RootElement);
                }

                return listing;
            }

            static string Listed(string payoutId, string requestId, string amount) =>
                "{\"payoutId\":\"" + payoutId + "\",\"requestId\":\"" + requestId + "\",\"sourceAmount\":\"" + amount + "\",\"sourceCurrency\":\"USD\"," +
                "\"targetCurrency\":\"EUR\",\"beneficiaryId\":\"1775000000000000001\",\"createTime\":\"2026-12-04 10:00:00\"}";

            // The first listing holds an older payout of 30.00 (it holds row 3 back); the second, after the last row, also
            // holds what another run paid meanwhile: 10.00 (row 1 again) and the same 30.00 (already seen: not new).
            var listings = new Queue<RecentPayouts>(new[]
            {
                Listing(Listed("1774000000000000900", "OLD-1", "30.00")),
                Listing(Listed("1774000000000000900", "OLD-1", "30.00"), Listed("1774000000000000901", "OTHER-1", "10.00")),
            });
            var windows = new List<TimeSpan>();
            using var run = Open(JournalPath, Named(null), (window, known) =>
            {
                windows.Add(window);
                return listings.Dequeue();
            });

            var admitted = new[] { "10.00", "20.00", "30.00" }.Select((amount, i) =>
            {
                var (request, fields) = Row(amount);
                return run.Admit(i + 1, request, fields, hasOwnId: false);
            }).ToList();
            Assert.Equal(new[] { AdmissionKind.Send, AdmissionKind.Send, AdmissionKind.Held }, admitted.Select(a => a.Kind).ToArray());
            foreach (var sent in admitted.Take(2))
            {
                var answer = Envelopes.Payout.Replace("R-1", sent.RequestId).Replace("100.00", sent.Row.Amount).Replace("1774000000000000001", "17740000000000001" + sent.Row.Row.ToString("00"));
                run.Count(new BatchResult(sent.Row, PayoutRecord.From(JsonDocument.Parse(answer).RootElement, PayoutOutcome.Created), null));
            }

            var doubles = run.CheckForDoublePayments();

            var found = Assert.Single(doubles);
            Assert.StartsWith("Row 1 was paid by this run as payout 1774000000000000101, and payout 1774000000000000901", found);
            Assert.Equal(2, windows.Count);
            Assert.True(windows[1] < TimeSpan.FromMinutes(1), $"the second listing looks back only to the first ({windows[1]})");
            run.Summary.Finish();
            Assert.Equal(1, run.Summary.PaidTwice);
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, run.Summary.ExitCode);
        }

        [Theory]
        [InlineData(false, 1)] // -BatchId alone: every guarded row has a derived id the service itself keeps once
        [InlineData(true, 2)]  // with -DuplicateWindow rows with their own RequestIds are guarded too: the check runs
        public void A_run_with_a_BatchId_skips_the_final_check_unless_rows_with_their_own_ids_are_guarded(bool window, int listings)
        {
            var listed = 0;
            using var run = BatchRun.Open(new BatchRunOptions
            {
                JournalPath = JournalPath, Header = Named("payroll-2026-11"), Ids = RequestIdSource.Derived,
                DuplicateWindow = window ? TimeSpan.FromHours(72) : (TimeSpan?)null,
                LoadRecentPayouts = (_, _) =>
                {
                    listed++;
                    return new RecentPayouts();
                },
            });
            var (request, fields) = Row("10.00");
            var admitted = run.Admit(1, request, fields, hasOwnId: false);
            var answer = Envelopes.Payout.Replace("R-1", admitted.RequestId).Replace("100.00", "10.00");
            run.Count(new BatchResult(admitted.Row, PayoutRecord.From(JsonDocument.Parse(answer).RootElement, PayoutOutcome.Created), null));

            Assert.Empty(run.CheckForDoublePayments());
            Assert.Equal(listings, listed);
            Assert.Equal(window, run.Summary.FinalCheckDuration != null);
        }

        [Fact]
        public void After_a_stop_every_row_that_came_back_is_counted_and_rows_still_out_are_in_doubt()
        {
            // Rows 1 and 2 are paid and answered; row 3's request hangs at the edge past the stop.
            using var hang = new ManualResetEventSlim(false);
            using var outThere = new ManualResetEventSlim(false);
            var handler = new ScriptedHandler()
                .Then((_, body) => Answer(body))
                .Then((_, body) => Answer(body))
                .Then((_, body) =>
                {
                    outThere.Set();
                    hang.Wait(TimeSpan.FromSeconds(30));
                    return Answer(body);
                });
            using var run = Open(JournalPath, Named("payroll-2026-11"));
            using var batch = new PayoutBatch(handler.Client(), run.Journal, throttleLimit: 1, NullPayoutLog.Instance, CancellationToken.None);
            var rows = new[] { "10.00", "20.00", "30.00" }.Select((amount, i) =>
            {
                var (request, fields) = Row(amount);
                return run.Admit(i + 1, request, fields, hasOwnId: false).Row;
            }).ToList();
            foreach (var row in rows)
            {
                Assert.True(batch.TryStart(row, TimeSpan.FromSeconds(10)));
            }

            Assert.True(outThere.Wait(TimeSpan.FromSeconds(30)), "row 3's request never left");
            Assert.True(SpinWait.SpinUntil(() => batch.Results.Count == 2, TimeSpan.FromSeconds(30)), "rows 1 and 2 came back");
            batch.StopStarting(); // Ctrl+C, with nothing drained yet: what the pipeline saw counted no row
            Assert.False(batch.WaitIdle(TimeSpan.FromMilliseconds(50)), "row 3 is still out");

            run.CountAfterStop(batch);

            Assert.Equal(2, run.Summary.Created);
            Assert.Equal(new[] { rows[2].RequestId }, run.Summary.InDoubtRequestIds);
            Assert.Equal(PayoutBatchSummary.ExitInDoubt, run.Summary.ExitCode);
            hang.Set();
            Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(30)));
        }

        /// <summary>The service's answer to a payout request: made, with the row's own requestId and amount.</summary>
        private static HttpResponseMessage Answer(string body)
        {
            var sent = JsonDocument.Parse(body).RootElement;
            var payout = Envelopes.Payout.Replace("R-1", sent.GetProperty("requestId").GetString()!).Replace("100.00", sent.GetProperty("sourceAmount").GetString()!);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"respCode\":\"20000\",\"data\":" + payout + "}", Encoding.UTF8, "application/json") };
        }

        [Theory]
        [MemberData(nameof(PagingCases))]
        public async Task The_guard_lists_every_page_once_whatever_the_limit_and_the_page_count(int limit, int total)
        {
            var handler = new GatedListHandler(total, limit);

            var recent = await RecentPayouts.LoadAsync(handler.Client(), TimeSpan.FromHours(1), _ => false, limit, NullPayoutLog.Instance, CancellationToken.None);

            var pages = (total + 99) / 100;
            var lastFull = total % 100 == 0;
            Assert.Equal(total, recent.Count);
            Assert.Equal(Enumerable.Range(1, lastFull ? pages + 1 : pages), handler.Asked.OrderBy(c => c)); // a full last page is read past once
            Assert.False(handler.GaveUpWaiting, $"a wave of pages never filled at limit {limit} with {pages} pages");
        }

        public static IEnumerable<object[]> PagingCases() =>
            from limit in new[] { 1, 2, 4, 16 }
            from pages in Enumerable.Range(1, 7)
            from total in new[] { pages * 100, pages * 100 - 50 }
            select new object[] { limit, total };

        [Theory]
        [InlineData(-3 * 60)]
        [InlineData(-10)]
        [InlineData(0)]
        [InlineData(10)]
        [InlineData(3 * 60)]
        public async Task The_guard_window_is_drawn_by_the_service_clock_whatever_this_machine_says(int offsetMinutes)
        {
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            var edge = new ClockedListHandler(offset);
            var window = TimeSpan.FromHours(1);

            await RecentPayouts.LoadAsync(edge.Client(), window, _ => false, 4, NullPayoutLog.Instance, CancellationToken.None);

            var (from, to) = edge.Windows.Last();
            var serviceNow = DateTime.UtcNow + offset;
            Assert.InRange(from, serviceNow - window - TimeSpan.FromSeconds(60), serviceNow - window + TimeSpan.FromSeconds(5));
            Assert.True(to >= serviceNow.AddHours(12), $"the window must reach past the service's now ({serviceNow:u}); it ends {to:u}");
            Assert.InRange(edge.Windows.Count, 1, 2); // read again at most once, after the first answer told the service's time
        }

        [Theory]
        [InlineData("Anna Tester3 ****3000", "anna tester3 ****3000", true)]
        [InlineData("Anna Tester3 ****3000", "  Anna   TESTER3 ****3000 ", true)]
        [InlineData("Anna Müller ****3000", "Anna Mu\u0308ller ****3000", true)]   // the same letter, composed or not
        [InlineData("Ana Tester3 ****3000", "Anna Tester3 ****3000", true)]        // a misspelt name on the same account
        [InlineData("Anna Tester3 ****3000", "Anna Tester3 ****3001", false)]      // another account
        [InlineData("payee 1775000000000000001", "Payee  1775000000000000001", true)]
        [InlineData("payee 1775000000000000001", "payee 1775000000000000002", false)]
        public void A_payee_is_its_account_whatever_the_case_spacing_Unicode_form_or_spelling_of_its_name(string paid, string rerun, bool same)
        {
            Assert.Equal(same, PayeeKeys.OfPayee(paid, "EUR") == PayeeKeys.OfPayee(System.Text.RegularExpressions.Regex.Unescape(rerun), "EUR"));
            Assert.NotEqual(PayeeKeys.OfPayee(paid, "EUR"), PayeeKeys.OfPayee(paid, "USD"));
        }

        /// <summary>An empty transaction list from a service whose clock is <c>offset</c> off this machine's; records each asked window.</summary>
        private sealed class ClockedListHandler : HttpMessageHandler
        {
            private readonly TimeSpan _offset;

            public ClockedListHandler(TimeSpan offset) => _offset = offset;

            public List<(DateTime From, DateTime To)> Windows { get; } = new List<(DateTime, DateTime)>();

            public PayoutClient Client() => ScriptedHandler.ClientOver(this);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement;
                DateTime Time(string name) => DateTime.SpecifyKind(DateTime.ParseExact(body.GetProperty(name).GetString()!, FieldValues.TimeFormat, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
                lock (Windows)
                {
                    Windows.Add((Time("createTimeStartTime"), Time("createTimeEndTime")));
                }

                var response = new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{\"respCode\":\"20000\",\"data\":{\"records\":[],\"total\":\"0\"}}", Encoding.UTF8, "application/json"),
                };
                response.Headers.Date = DateTimeOffset.UtcNow + _offset;
                return response;
            }
        }
    }
}
