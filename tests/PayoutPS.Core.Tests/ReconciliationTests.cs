using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PayoutPS.Core.Account;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 18: a batch's paid rows matched to the ledger by payout id, every cent accounted for.</summary>
    public class ReconciliationTests
    {
        /// <summary>Rows and ledger entries already in memory, through the streaming matcher as Get-PayoutBatch uses it.</summary>
        private static PayoutReconciliation Reconcile(IReadOnlyList<BatchRowState> rows, IEnumerable<PayoutLedgerEntry> ledger)
        {
            var matcher = new LedgerMatcher(rows.Count);
            for (var position = 0; position < rows.Count; position++)
            {
                matcher.AddRow(position, rows[position]);
            }

            foreach (var entry in ledger)
            {
                matcher.AddEntry(entry);
            }

            return matcher.Finish(positions => positions.Select(p => rows[p].RequestId));
        }

        private static BatchRowState Paid(int row, string payoutId, string amount, string currency = "USD") =>
            new BatchRowState { Row = row, RequestId = "R-" + row, Outcome = RowOutcome.Created, PayoutId = payoutId, SourceAmount = amount, SourceCurrency = currency, Status = "S" };

        private static PayoutLedgerEntry Entry(string id, string? payoutId, string type, string amount, string currency = "USD") =>
            PayoutLedgerEntry.From(JsonDocument.Parse($"{{\"entryId\":\"{id}\",\"currency\":\"{currency}\",\"txnType\":\"{type}\",\"amount\":\"{amount}\",\"payoutId\":{(payoutId == null ? "null" : "\"" + payoutId + "\"")}}}").RootElement);

        [Fact]
        public void Every_kind_of_row_gets_its_verdict_and_the_totals_account_for_every_cent()
        {
            var rows = new[] { Paid(1, "P1", "10.00"), Paid(2, "P2", "20.00"), Paid(3, "P3", "30.00"), Paid(4, "P4", "40.00"), new BatchRowState { Row = 5, Outcome = RowOutcome.Refused } };
            var ledger = new[]
            {
                Entry("1", "P1", "PAYOUT", "-9.90"), Entry("2", "P1", "FEE", "-0.10"),                 // matched
                Entry("3", "P2", "PAYOUT", "-19.80"), Entry("4", "P2", "FEE", "-0.10"),                // 19.90 of 20.00
                Entry("5", "P3", "PAYOUT", "-29.70"), Entry("6", "P3", "FEE", "-0.30"),
                Entry("7", "P3", "PAYOUT_REVERSAL", "29.70"), Entry("8", "P3", "FEE_REVERSAL", "0.30"), // failed, money back
                Entry("9", "P9", "PAYOUT", "-5.00"), Entry("10", null, "FEE", "-1.00"),                // not this batch's
            };

            var result = Reconcile(rows, ledger);

            Assert.Equal(1, result.Matched); // counted, not listed
            Assert.Equal(new[] { "R-2=AmountDiffers", "R-3=Reversed", "R-4=MissingInLedger" }, result.Rows.Select(r => r.RequestId + "=" + r.Verdict).ToArray());
            Assert.Equal(("P2", 19.80m, 0.10m, 0m), (result.Rows[0].PayoutId, result.Rows[0].LedgerDebit, result.Rows[0].LedgerFee, result.Rows[0].Reversal));
            Assert.Equal((29.70m, 0.30m, 30.00m), (result.Rows[1].LedgerDebit, result.Rows[1].LedgerFee, result.Rows[1].Reversal));
            var usd = Assert.Single(result.Currencies);
            Assert.Equal((4, 70.00m, 29.90m, -40.10m), (usd.Rows, usd.Expected, usd.Ledger, usd.Difference)); // P2 short 0.10, P4 missing 40.00
            Assert.Equal(new[] { "9", "10" }, result.Unrelated.Select(e => e.EntryId).ToArray());
            Assert.Equal(1, result.ExitCode);
        }

        [Fact]
        public void A_fee_refunded_alone_or_part_of_an_amount_given_back_is_named_by_kind_and_the_totals_stay_equal()
        {
            var rows = new[] { Paid(1, "P1", "10.00"), Paid(2, "P2", "20.00"), Paid(3, "P3", "30.00") };
            var ledger = new[]
            {
                Entry("1", "P1", "PAYOUT", "-9.90"), Entry("2", "P1", "FEE", "-0.10"), Entry("3", "P1", "FEE_REVERSAL", "0.10"),           // the fee back
                Entry("4", "P2", "PAYOUT", "-19.80"), Entry("5", "P2", "FEE", "-0.20"), Entry("6", "P2", "PAYOUT_REVERSAL", "5.00"),     // 5.00 back
                Entry("7", "P3", "PAYOUT", "-29.70"), Entry("8", "P3", "FEE", "-0.30"),
                Entry("9", "P3", "PAYOUT_REVERSAL", "29.70"), Entry("10", "P3", "FEE_REVERSAL", "0.30"),                                  // all back
            };

            var result = Reconcile(rows, ledger);

            Assert.Equal(new[] { "R-1=FeeReversed", "R-2=PartlyReversed", "R-3=Reversed" }, result.Rows.Select(r => r.RequestId + "=" + r.Verdict).ToArray());
            Assert.Equal(new[] { 0.10m, 5.00m, 30.00m }, result.Rows.Select(r => r.Reversal).ToArray());
            Assert.Equal(new[] { false, true, false }, result.Rows.Select(r => r.NeedsLook).ToArray()); // the payee got less: look
            var usd = Assert.Single(result.Currencies);
            Assert.Equal((9.90m + 15.00m, 9.90m + 15.00m, 0m), (usd.Expected, usd.Ledger, usd.Difference));
        }

        [Theory]
        [InlineData(RowOutcome.Created)]
        [InlineData(RowOutcome.AlreadyExisted)]
        [InlineData(RowOutcome.Recovered)]
        [InlineData(RowOutcome.Journaled)]
        public void Every_kind_of_made_payout_is_paid_in_the_summary_and_matched_in_the_ledger_until_the_provider_fails_it(RowOutcome outcome)
        {
            var paid = Paid(1, "P1", "10.00");
            paid.Outcome = outcome; // a row in doubt that a lookup found (Recovered) is a payout like any other
            var failed = Paid(2, "P2", "20.00");
            failed.Outcome = outcome;
            failed.Status = "F";
            var summary = new PayoutBatchSummary();
            summary.Add(paid);
            summary.Add(failed);
            summary.Finish();

            var result = Reconcile(new[] { paid, failed }, new[]
            {
                Entry("1", "P1", "PAYOUT", "-9.90"), Entry("2", "P1", "FEE", "-0.10"),
                Entry("3", "P2", "PAYOUT", "-19.80"), Entry("4", "P2", "FEE", "-0.20"), Entry("5", "P2", "PAYOUT_REVERSAL", "19.80"), Entry("6", "P2", "FEE_REVERSAL", "0.20"),
            });

            Assert.Equal((1, 1, 10.00m), (summary.Paid, summary.Failed, summary.Totals.Single().Sent));
            Assert.Equal(1, result.Matched);
            Assert.Equal(new[] { "R-2=Reversed" }, result.Rows.Select(r => r.RequestId + "=" + r.Verdict).ToArray());
            Assert.Empty(result.Unrelated);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("fr-FR")]
        [InlineData("en-US")]
        public void Totals_read_the_services_amounts_the_same_in_every_culture(string culture)
        {
            using (new CultureScope(culture))
            {
                var summary = new PayoutBatchSummary();
                summary.Add(Paid(1, "P1", "1234.50"));
                summary.Add(Paid(2, "P2", "0.25"));

                Assert.Equal(1234.75m, summary.Totals.Single().Sent);
                Assert.Contains("1234.75 USD in 2 payout(s)", summary.ToString());
            }
        }

        [Fact]
        public void A_batch_whose_every_row_is_in_the_ledger_reconciles_to_zero()
        {
            var rows = new[] { Paid(1, "P1", "10.00"), Paid(2, "P2", "5.00", "EUR") };
            var ledger = new[]
            {
                Entry("1", "P1", "PAYOUT", "-9.90"), Entry("2", "P1", "FEE", "-0.10"),
                Entry("3", "P2", "PAYOUT", "-4.95", "EUR"), Entry("4", "P2", "FEE", "-0.05", "EUR"),
            };

            var result = Reconcile(rows, ledger);

            Assert.Equal(2, result.Matched);
            Assert.All(result.Currencies, c => Assert.Equal(0m, c.Difference));
            Assert.Equal(new[] { "EUR", "USD" }, result.Currencies.Select(c => c.Currency).ToArray());
            Assert.Equal(0, result.ExitCode);
        }

        [Fact]
        public void Ledger_entries_streamed_after_the_rows_give_the_same_verdicts_and_only_listed_rows_are_read_back()
        {
            var matcher = new LedgerMatcher();
            matcher.AddRow(0, Paid(1, "1774000000000000001", "10.00"));
            matcher.AddRow(1, new BatchRowState { Row = 2, Outcome = RowOutcome.Refused });
            matcher.AddRow(2, Paid(3, "1774000000000000003", "5.00", "EUR"));
            matcher.AddRow(3, Paid(4, "P-0004", "7.00")); // an id that is not a plain number is kept as text
            Assert.Equal(new[] { "USD", "EUR" }, matcher.Currencies);

            matcher.AddEntry(Entry("1", "1774000000000000001", "PAYOUT", "-9.90"));
            matcher.AddEntry(Entry("2", "1774000000000000001", "FEE", "-0.10"));
            matcher.AddEntry(Entry("3", "01774000000000000003", "PAYOUT", "-5.00", "EUR")); // a leading zero names another payout
            matcher.AddEntry(Entry("4", "P-0004", "PAYOUT", "-7.00"));
            var asked = new List<int>();

            var result = matcher.Finish(positions => { asked.AddRange(positions); return positions.Select(p => "R-at-" + p); });

            Assert.Equal(new[] { 2 }, asked);
            var missing = Assert.Single(result.Rows);
            Assert.Equal(("R-at-2", "1774000000000000003", LedgerVerdict.MissingInLedger, 3), (missing.RequestId, missing.PayoutId, missing.Verdict, missing.Row));
            Assert.Equal(2, result.Matched);
            Assert.Equal("01774000000000000003", Assert.Single(result.Unrelated).PayoutId);
            Assert.Equal(new[] { ("EUR", 1, 5.00m, 0m), ("USD", 2, 17.00m, 17.00m) }, result.Currencies.Select(c => (c.Currency, c.Rows, c.Expected, c.Ledger)).ToArray());
        }

        [Theory]
        [InlineData("1774000000000000001")]
        [InlineData("0")]
        [InlineData("007")]
        [InlineData("99999999999999999999")]
        [InlineData("18446744073709551615")]
        [InlineData("P-1")]
        [InlineData("")]
        public void Payout_ids_are_held_exactly_whatever_their_form(string id)
        {
            var ids = new PayoutIds(0);
            Assert.Equal(-1, ids.IndexOf(id, add: false));
            Assert.Equal(0, ids.IndexOf("1", add: true));
            var index = ids.IndexOf(id, add: true);
            Assert.Equal((1, id), (index, ids.IdAt(index)));
            Assert.Equal(1, ids.IndexOf(id, add: false));
            Assert.Equal(-1, ids.IndexOf(id + "x", add: false));
        }

        [Fact]
        public async System.Threading.Tasks.Task The_ledger_is_read_page_by_page_and_an_entry_shifted_onto_the_next_page_is_counted_once()
        {
            string Page(IEnumerable<int> ids, int total) => "{\"respCode\":\"20000\",\"data\":{\"records\":[" + string.Join(",", ids.Select(i =>
                "{\"entryId\":\"" + i + "\",\"currency\":\"USD\",\"txnType\":\"PAYOUT\",\"amount\":\"-1.00\",\"payoutId\":\"" + i + "\"}")) + "],\"total\":\"" + total + "\"}}";
            // An entry arrived between the two pages: the first page's last entry comes again at the top of the second.
            var handler = new ScriptedHandler().ThenJson(Page(Enumerable.Range(1, 100), 150)).ThenJson(Page(Enumerable.Range(100, 51), 151));
            var seen = new List<string?>();

            var count = await PayoutPS.Core.Account.LedgerReader.ReadAsync(new AccountApi(handler.Client().Transport), "USD", new System.DateTime(2026, 11, 1), new System.DateTime(2026, 11, 2),
                entry => seen.Add(entry.EntryId), PayoutPS.Core.Transport.NullPayoutLog.Instance, System.Threading.CancellationToken.None);

            Assert.Equal(150, count);
            Assert.Equal(Enumerable.Range(1, 150).Select(i => i.ToString()), seen);
            Assert.Equal(2, handler.Sent.Count);
        }
    }
}
