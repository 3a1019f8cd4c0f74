using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>The payout status machine, refunds, and the payee review lifecycle, driven by the sandbox clock.</summary>
    public class LifecycleTests : SandboxTestBase
    {
        private async Task<string> StatusOf(string requestId) =>
            (await Sandbox.CallAsync("/api/v1/txn/queryList", Requests.TxnList(requestId))).Data.GetProperty("records")[0].GetProperty("payoutStatus").GetString()!;

        private async Task<string> UsdBalance() =>
            (await Sandbox.StateAsync()).GetProperty("merchants")[0].GetProperty("balances").GetProperty("USD").GetString()!;

        [Fact]
        public async Task A_payout_walks_A_B_R_P_S_one_step_per_interval()
        {
            var requestId = NewRequestId();
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId));

            var seen = new List<string> { await StatusOf(requestId) };
            for (var i = 0; i < 5; i++)
            {
                await Sandbox.AdvanceAsync(10);
                seen.Add(await StatusOf(requestId));
            }

            Assert.Equal(new[] { "A", "B", "R", "P", "S", "S" }, seen);
            Assert.Equal("999900.00", await UsdBalance());
        }

        [Theory]
        [InlineData("SANDBOX_FAIL", "F")]
        [InlineData("SANDBOX_REVIEW_FAIL", "U")]
        [InlineData("SANDBOX_CHECK_FAIL", "V")]
        public async Task Failures_end_terminal_and_refund_amount_and_fee(string trigger, string terminal)
        {
            var requestId = NewRequestId();
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId, "invoice 7 " + trigger));
            Assert.Equal("999900.00", await UsdBalance());

            await Sandbox.AdvanceAsync(100);

            Assert.Equal(terminal, await StatusOf(requestId));
            Assert.Equal("1000000.00", await UsdBalance());
            var ledger = (await Sandbox.StateAsync()).GetProperty("ledger").EnumerateArray().Select(e => e.GetProperty("txnType").GetString()).ToList();
            Assert.Equal(new[] { "PAYOUT", "FEE", "PAYOUT_REVERSAL", "FEE_REVERSAL" }, ledger);
        }

        [Fact]
        public async Task Compliance_trigger_passes_through_CA()
        {
            var requestId = NewRequestId();
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId, "SANDBOX_COMPLIANCE"));
            await Sandbox.AdvanceAsync(10);

            Assert.Equal("CA", await StatusOf(requestId));
        }

        [Fact]
        public async Task Insufficient_balance_is_14001_and_debits_nothing()
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request["sourceAmount"] = "2000000.00";

            var response = await Sandbox.CallAsync("/api/v2/txn/remittance", request);

            Assert.Equal("14001", response.RespCode);
            Assert.Equal("1000000.00", await UsdBalance());
        }

        [Fact]
        public async Task A_payee_is_paid_only_after_review_passes()
        {
            var id = (await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("FR1420041010050500013M02606"))).DataString("beneficiaryId");
            var pay = new Dictionary<string, object?>
            {
                ["beneficiaryId"] = id, ["sourceCurrency"] = "EUR", ["targetCurrency"] = "EUR", ["chargeFlag"] = "N", ["sourceAmount"] = "10.00",
                ["requestId"] = NewRequestId(), ["transactionPurpose"] = "1",
            };

            Assert.Equal("14002", (await Sandbox.CallAsync("/api/v1/txn/remittance", pay)).RespCode);
            await Sandbox.AdvanceAsync(10);
            Assert.Equal("20000", (await Sandbox.CallAsync("/api/v1/txn/remittance", pay)).RespCode);
        }

        [Fact]
        public async Task A_reject_trigger_ends_review_as_REJECT()
        {
            var id = (await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("NL91ABNA0417164300", "SANDBOX_REJECT"))).DataString("beneficiaryId");
            await Sandbox.AdvanceAsync(10);

            var detail = await Sandbox.CallAsync("/api/v1/beneficiary/queryDetail", new Dictionary<string, object?> { ["beneficiaryId"] = id });
            Assert.Equal("REJECT", detail.DataString("payeeStatus"));
        }

        [Fact]
        public async Task A_duplicate_card_number_is_14003_with_the_existing_id()
        {
            var first = await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("BE68539007547034"));
            var second = await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("BE68539007547034"));

            Assert.Equal("14003", second.RespCode);
            Assert.Equal(first.DataString("beneficiaryId"), second.DataString("beneficiaryId"));
        }

        [Fact]
        public async Task Unknown_payee_is_14004()
        {
            var response = await Sandbox.CallAsync("/api/v1/beneficiary/queryDetail", new Dictionary<string, object?> { ["beneficiaryId"] = "1775999999999999999" });

            Assert.Equal("14004", response.RespCode);
        }

        [Fact]
        public async Task Reset_restores_the_starting_state()
        {
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
            await Sandbox.ControlAsync(System.Net.Http.HttpMethod.Post, "reset");

            var state = await Sandbox.StateAsync();
            Assert.Equal(0, state.GetProperty("payouts").GetArrayLength());
            Assert.Equal("1000000.00", await UsdBalance());
        }
    }
}
