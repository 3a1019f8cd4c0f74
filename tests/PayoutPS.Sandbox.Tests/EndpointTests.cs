using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>The success path of every endpoint and alias, over HTTP.</summary>
    public class EndpointTests : SandboxTestBase
    {
        [Theory]
        [InlineData("/api/v1/acct/queryPaymentMethods")]
        [InlineData("/api/v1/acct/queryPaymentMethod")]
        public async Task Payment_methods_for_a_corridor(string path)
        {
            var response = await Sandbox.CallAsync(path, new Dictionary<string, object?> { ["destinationCountry"] = "PH", ["accountCurrency"] = "PHP", ["entityType"] = "1" });

            Assert.Equal("20000", response.RespCode);
            var methods = response.Data.EnumerateArray().Select(m => m.GetProperty("paymentMethod").GetString()).ToList();
            Assert.Contains("E_WALLET", methods);
            Assert.Contains("CASH_PICKUP", methods);
        }

        [Fact]
        public async Task Payee_required_fields_include_swift_code_for_swift()
        {
            var response = await Sandbox.CallAsync("/api/v1/acct/queryPaymentFeild", new Dictionary<string, object?>
            {
                ["payoutCurrency"] = "EUR", ["bankCountry"] = "DE", ["entityType"] = "0", ["paymentMethod"] = "SWIFT",
            });

            Assert.Equal("20000", response.RespCode);
            Assert.Contains(response.Data.EnumerateArray(), f => f.GetProperty("field").GetString() == "accountInfomation.swiftCode");
            Assert.Contains(response.Data.EnumerateArray(), f => f.GetProperty("field").GetString() == "receiverInfo.companyName");
        }

        [Theory]
        [InlineData("/api/v1/acct/queryAcctCurrency")]
        [InlineData("/api/v1/acct/queryCurrency")]
        public async Task Balances_are_strings_with_the_currency_exponent(string path)
        {
            var response = await Sandbox.CallAsync(path, new Dictionary<string, object?>());

            var balances = response.Data.EnumerateArray().ToDictionary(b => b.GetProperty("currency").GetString()!, b => b.GetProperty("balance").GetString());
            Assert.Equal("1000000.00", balances["USD"]);
            Assert.Equal("100000000", balances["JPY"]);
            Assert.Equal("10000.000", balances["KWD"]);
        }

        [Theory]
        [InlineData("/api/v1/acct/queryAcctDetail")]
        [InlineData("/api/v1/acct/queryAccountDetail")]
        public async Task Ledger_shows_payout_and_fee_entries(string path)
        {
            var requestId = NewRequestId();
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(requestId));

            var response = await Sandbox.CallAsync(path, new Dictionary<string, object?>
            {
                ["currency"] = "USD", ["beginTime"] = "2000-01-01 00:00:00", ["endTime"] = "2100-01-01 00:00:00", ["size"] = "10", ["current"] = "1",
            });

            Assert.Equal("20000", response.RespCode);
            var entries = response.Data.GetProperty("records").EnumerateArray().ToList();
            Assert.Contains(entries, e => e.GetProperty("txnType").GetString() == "PAYOUT" && e.GetProperty("amount").GetString() == "-99.00");
            Assert.Contains(entries, e => e.GetProperty("txnType").GetString() == "FEE" && e.GetProperty("amount").GetString() == "-1.00");
        }

        [Fact]
        public async Task Ledger_pages_of_one_query_see_entries_added_between_them()
        {
            // The sandbox filters a ledger query once and pages the result: a new entry must still show up.
            var query = new Dictionary<string, object?>
            {
                ["currency"] = "USD", ["beginTime"] = "2000-01-01 00:00:00", ["endTime"] = "2100-01-01 00:00:00", ["size"] = "1", ["current"] = "1",
            };
            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
            var before = int.Parse((await Sandbox.CallAsync("/api/v1/acct/queryAcctDetail", query)).DataString("total")!, System.Globalization.CultureInfo.InvariantCulture);

            await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
            var after = int.Parse((await Sandbox.CallAsync("/api/v1/acct/queryAcctDetail", query)).DataString("total")!, System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(after >= before + 2, $"{before} entries, then {after} after one more payout and its fee");
        }

        [Fact]
        public async Task Exchange_rate_from_the_fixed_table_with_a_quote()
        {
            var response = await Sandbox.CallAsync("/api/v1/acct/queryExchangeRate", new Dictionary<string, object?>
            {
                ["sourceCurrency"] = "USD", ["targetCurrency"] = "EUR", ["sourceAmount"] = "100.00",
            });

            Assert.Equal("0.92", response.DataString("rate"));
            Assert.Equal("92.00", response.DataString("targetAmount"));
        }

        [Fact]
        public async Task Payee_add_detail_edit_and_list()
        {
            var added = await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("DE02120300000000202051"));
            Assert.Equal("20000", added.RespCode);
            var id = added.DataString("beneficiaryId");
            Assert.Equal(19, id.Length);
            Assert.Equal("WAITING", added.DataString("payeeStatus"));

            var detail = await Sandbox.CallAsync("/api/v1/beneficiary/queryDetail", new Dictionary<string, object?> { ["beneficiaryId"] = id });
            Assert.Equal(id, detail.DataString("beneficiaryId"));

            var edit = Requests.Payee("DE02120300000000202051", "Schmidt");
            edit["beneficiaryId"] = id;
            var edited = await Sandbox.CallAsync("/api/v1/beneficiary/edit", edit);
            Assert.Equal("PENDING_UPDATE", edited.DataString("payeeStatus"));

            var list = await Sandbox.CallAsync("/api/v1/beneficiary/queryList", new Dictionary<string, object?> { ["payeeStatus"] = "PENDING_UPDATE", ["size"] = "10", ["current"] = "1" });
            Assert.Equal("1", list.Data.GetProperty("total").GetString());
        }

        [Fact]
        public async Task Remittance_to_an_approved_payee()
        {
            var id = (await Sandbox.CallAsync("/api/v1/beneficiary/add", Requests.Payee("DE75512108001245126199"))).DataString("beneficiaryId");
            await Sandbox.AdvanceAsync(11);

            var response = await Sandbox.CallAsync("/api/v1/txn/remittance", new Dictionary<string, object?>
            {
                ["beneficiaryId"] = id, ["sourceCurrency"] = "EUR", ["targetCurrency"] = "EUR", ["chargeFlag"] = "Y", ["targetAmount"] = "50.00",
                ["requestId"] = NewRequestId(), ["transactionPurpose"] = "5",
            });

            Assert.Equal("20000", response.RespCode);
            Assert.Equal("50.00", response.DataString("targetAmount"));
            Assert.Equal("50.50", response.DataString("sourceAmount"));   // 50.00 + 1% fee on top
            Assert.Equal("0.50", response.DataString("fee"));
        }

        [Fact]
        public async Task Inline_remittance_on_behalf_of_a_payer_in_jpy()
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request["sourceCurrency"] = "JPY";
            request["sourceAmount"] = "15000";
            request["payerDetail"] = "{\"companyName\":\"Creator Platform KK\"}";

            var response = await Sandbox.CallAsync("/api/v2/txn/remittance", request);

            Assert.Equal("20000", response.RespCode);
            Assert.Equal("150", response.DataString("fee"));
            Assert.Equal("A", response.DataString("payoutStatus"));
        }

        [Fact]
        public async Task Transaction_list_filters_by_request_id_and_pages()
        {
            var ids = Enumerable.Range(0, 5).Select(_ => NewRequestId()).ToList();
            foreach (var id in ids)
            {
                var request = Requests.InlineRemittance(id);
                request["accountInfomation"] = "{\"cardNumber\":\"" + id + "\"}";
                Assert.Equal("20000", (await Sandbox.CallAsync("/api/v2/txn/remittance", request)).RespCode);
            }

            var one = await Sandbox.CallAsync("/api/v1/txn/queryList", Requests.TxnList(ids[2]));
            Assert.Equal("1", one.Data.GetProperty("total").GetString());
            Assert.Equal(ids[2], one.Data.GetProperty("records")[0].GetProperty("requestId").GetString());

            var page = Requests.TxnList();
            page["size"] = "2";
            page["current"] = "3";
            var third = await Sandbox.CallAsync("/api/v1/txn/queryList", page);
            Assert.Equal("5", third.Data.GetProperty("total").GetString());
            Assert.Single(third.Data.GetProperty("records").EnumerateArray());
        }
    }
}
