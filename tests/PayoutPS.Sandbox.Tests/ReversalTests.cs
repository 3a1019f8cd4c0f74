using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Reversals the provider books later on its own: the fee alone, or part of the amount.</summary>
    public class ReversalTests : SandboxTestBase
    {
        private async Task<(string PayoutId, decimal Fee)> PayAsync()
        {
            var created = await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
            Assert.Equal("20000", created.RespCode);
            return (created.DataString("payoutId"), decimal.Parse(created.DataString("fee"), System.Globalization.CultureInfo.InvariantCulture));
        }

        private async Task<decimal> UsdBalance() =>
            decimal.Parse((await Sandbox.StateAsync()).GetProperty("merchants")[0].GetProperty("balances").GetProperty("USD").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        private async Task<(string Type, decimal Amount)[]> LedgerOf(string payoutId) =>
            (await Sandbox.StateAsync()).GetProperty("ledger").EnumerateArray()
                .Where(e => e.GetProperty("payoutId").GetString() == payoutId)
                .Select(e => (e.GetProperty("txnType").GetString()!, decimal.Parse(e.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
                .ToArray();

        [Fact]
        public async Task A_fee_reversal_books_the_fee_back_alone()
        {
            var (payoutId, fee) = await PayAsync();
            var before = await UsdBalance();

            await Sandbox.ControlAsync(HttpMethod.Post, "reversals", new { payoutId, kind = "fee" });

            Assert.Equal(("FEE_REVERSAL", fee), (await LedgerOf(payoutId)).Last());
            Assert.Equal(before + fee, await UsdBalance());
        }

        [Fact]
        public async Task A_partial_reversal_books_that_part_of_the_amount_back()
        {
            var (payoutId, _) = await PayAsync();
            var before = await UsdBalance();

            await Sandbox.ControlAsync(HttpMethod.Post, "reversals", new { payoutId, kind = "partial", amount = "10.25" });

            Assert.Equal(("PAYOUT_REVERSAL", 10.25m), (await LedgerOf(payoutId)).Last());
            Assert.Equal(before + 10.25m, await UsdBalance());
        }

        [Theory]
        [InlineData("partial", "0")]
        [InlineData("partial", "100000")]
        [InlineData("partial", "1.001")]
        [InlineData("partial", null)]
        [InlineData("whole", null)]
        [InlineData("fee", "1.00")]
        public async Task A_reversal_that_cannot_be_is_a_400_and_books_nothing(string kind, string? amount)
        {
            var (payoutId, _) = await PayAsync();
            var entries = (await LedgerOf(payoutId)).Length;

            await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.ControlAsync(HttpMethod.Post, "reversals", new { payoutId, kind, amount }));
            await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.ControlAsync(HttpMethod.Post, "reversals", new { payoutId = "1774999999999999999", kind = "fee" }));

            Assert.Equal(entries, (await LedgerOf(payoutId)).Length);
        }
    }
}
