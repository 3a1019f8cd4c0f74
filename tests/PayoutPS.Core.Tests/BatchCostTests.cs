using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 18: a batch's cost per source currency, known before the first row leaves.</summary>
    public class BatchCostTests
    {
        private static void Add(BatchCost cost, int row, params (string Field, string Value)[] cells)
        {
            var values = cells.ToDictionary(c => c.Field, c => c.Value);
            cost.Add(row, field => values.TryGetValue(field, out var value) ? value : null);
        }

        private static readonly Dictionary<string, decimal> Balances = new Dictionary<string, decimal> { ["USD"] = 100m, ["EUR"] = 50m };

        [Fact]
        public void Send_amounts_are_debits_as_written_and_exact()
        {
            var cost = new BatchCost();
            Add(cost, 1, ("SourceCurrency", "usd"), ("TargetCurrency", "EUR"), ("SendAmount", "40"));
            Add(cost, 2, ("SourceCurrency", "USD"), ("SendAmount", "70.50"));

            var usd = Assert.Single(cost.Price(new Dictionary<(string, string), decimal>(), Balances));

            Assert.Equal(("USD", 2, 110.50m, 110.50m, 100m, 10.50m), (usd.Currency, usd.Rows, usd.SendTotal, usd.EstimatedDebit, usd.Available, usd.Shortfall));
            Assert.StartsWith("exact", usd.Estimate);
        }

        [Fact]
        public void Receive_amounts_are_converted_at_the_quote_with_the_fee_estimate_and_rounding_counted_up()
        {
            var cost = new BatchCost(feeRate: 0.01m);
            Add(cost, 1, ("SourceCurrency", "USD"), ("TargetCurrency", "EUR"), ("ReceiveAmount", "46.00"));
            Add(cost, 2, ("SourceCurrency", "USD"), ("TargetCurrency", "EUR"), ("Amount", "46.00"), ("ChargeFlag", "Y"));

            var usd = Assert.Single(cost.Price(new Dictionary<(string, string), decimal> { [("USD", "EUR")] = 0.92m }, Balances));

            // 92.00 EUR / 0.92 = 100.00 USD, 1 % fee = 1.00, and 2 rows × 2 cents of rounding: 101.04.
            Assert.Equal((2, 101.04m, 1.04m), (usd.ReceiveRows, usd.EstimatedDebit, usd.Shortfall));
            Assert.Contains("estimated fee of 1 %", usd.Estimate);
            Assert.Equal(new[] { ("USD", "EUR") }, cost.Pairs.ToArray());
        }

        [Fact]
        public void Rows_that_cannot_be_priced_are_named_and_left_out()
        {
            var cost = new BatchCost();
            Add(cost, 1, ("SourceCurrency", "USD"), ("SendAmount", "1,50"));
            Add(cost, 2, ("SourceCurrency", "US"), ("SendAmount", "1.50"));
            Add(cost, 3, ("SourceCurrency", "USD"), ("SendAmount", "1.50"), ("ReceiveAmount", "1.00"));
            Add(cost, 4, ("SourceCurrency", "USD"), ("TargetCurrency", "CHF"), ("ReceiveAmount", "1.00"));
            Add(cost, 5, ("SourceCurrency", "USD"), ("SendAmount", "2.00"));

            var usd = Assert.Single(cost.Price(new Dictionary<(string, string), decimal>(), Balances));

            Assert.Equal(new[] { 1, 2, 3 }, cost.Unpriced.Select(u => u.Row).ToArray());
            Assert.Contains("contains a comma", cost.Unpriced[0].Reason);
            Assert.Equal((1, 1, 2.00m), (usd.Rows, usd.UnpricedRows, usd.EstimatedDebit)); // row 4's pair had no rate
        }

        [Fact]
        public void A_currency_with_no_balance_has_nothing_available()
        {
            var cost = new BatchCost();
            Add(cost, 1, ("SourceCurrency", "GBP"), ("SendAmount", "5.00"));

            var gbp = Assert.Single(cost.Price(new Dictionary<(string, string), decimal>(), Balances));

            Assert.Equal((0m, 5.00m), (gbp.Available, gbp.Shortfall));
        }
    }
}
