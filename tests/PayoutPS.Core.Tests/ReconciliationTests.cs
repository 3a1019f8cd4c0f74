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

            var result = PayoutReconciliation.Match(rows, ledger);

            Assert.Equal(new[] { LedgerVerdict.Matched, LedgerVerdict.AmountDiffers, LedgerVerdict.Reversed, LedgerVerdict.MissingInLedger }, result.Rows.Select(r => r.Verdict).ToArray());
            Assert.Equal((9.90m, 0.10m, 0m), (result.Rows[0].LedgerDebit, result.Rows[0].LedgerFee, result.Rows[0].Reversal));
            var usd = Assert.Single(result.Currencies);
            Assert.Equal((4, 70.00m, 29.90m, -40.10m), (usd.Rows, usd.Expected, usd.Ledger, usd.Difference)); // P2 short 0.10, P4 missing 40.00
            Assert.Equal(new[] { "9", "10" }, result.Unrelated.Select(e => e.EntryId).ToArray());
            Assert.Equal(1, result.ExitCode);
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

            var result = PayoutReconciliation.Match(rows, ledger);

            Assert.Equal(2, result.Matched);
            Assert.All(result.Currencies, c => Assert.Equal(0m, c.Difference));
            Assert.Equal(new[] { "EUR", "USD" }, result.Currencies.Select(c => c.Currency).ToArray());
            Assert.Equal(0, result.ExitCode);
        }
    }
}
