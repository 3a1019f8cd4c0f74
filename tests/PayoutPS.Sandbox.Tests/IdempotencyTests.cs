using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    public class IdempotencyTests : SandboxTestBase
    {
        [Fact]
        public async Task A_reused_request_id_answers_13003_with_the_original()
        {
            var requestId = NewRequestId();
            var first = await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId));
            var changed = Requests.InlineRemittance(requestId);
            changed["sourceAmount"] = "999.00";

            var second = await Sandbox.CallAsync("/api/v2/txn/remittance", changed);

            Assert.Equal("13003", second.RespCode);
            Assert.Equal(first.DataString("payoutId"), second.DataString("payoutId"));
            Assert.Equal("100.00", second.DataString("sourceAmount"));
        }

        [Fact]
        public async Task Fifty_concurrent_duplicates_create_exactly_one_payout()
        {
            var requestId = NewRequestId();
            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId))));

            Assert.Single(responses, r => r.RespCode == "20000");
            Assert.Equal(49, responses.Count(r => r.RespCode == "13003"));
            var state = await Sandbox.StateAsync();
            var payout = Assert.Single(state.GetProperty("payouts").EnumerateArray());
            Assert.Equal(50, payout.GetProperty("creationAttempts").GetInt32());
            Assert.Equal("999900.00", state.GetProperty("merchants")[0].GetProperty("balances").GetProperty("USD").GetString());
        }
    }
}
