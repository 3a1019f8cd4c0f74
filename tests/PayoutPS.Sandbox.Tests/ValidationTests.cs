using System.Collections.Generic;
using System.Threading.Tasks;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Each validation rule answers with its spec §6 code and a respMsg that names the field; nothing is created.</summary>
    public class ValidationTests : SandboxTestBase
    {
        [Theory]
        [InlineData("requestId", null, "13001", "requestId is required")]
        [InlineData("requestId", "123456789012345678901234567890123", "13001", "requestId is 33 characters")]
        [InlineData("sourceAmount", "1,50", "13001", "sourceAmount '1,50' contains a comma")]
        [InlineData("sourceAmount", "0", "13001", "sourceAmount '0' is zero")]
        [InlineData("sourceAmount", "-5", "13001", "sourceAmount '-5' is not a plain positive number")]
        [InlineData("sourceAmount", "1e3", "13001", "sourceAmount '1e3' is not a plain positive number")]
        [InlineData("sourceAmount", "10.123", "13001", "sourceAmount '10.123' has 3 decimals but USD allows 2")]
        [InlineData("sourceCurrency", "usd", "13001", "sourceCurrency 'usd' is invalid")]
        [InlineData("sourceCurrency", "XXX", "13001", "sourceCurrency 'XXX' is invalid")]
        [InlineData("bankCountry", "ZZ", "13001", "bankCountry 'ZZ' is invalid")]
        [InlineData("entityType", "2", "13001", "entityType '2' is invalid")]
        [InlineData("paymentMethod", "CHEQUE", "13001", "paymentMethod 'CHEQUE' is invalid")]
        [InlineData("chargeFlag", "X", "13001", "chargeFlag 'X' is invalid")]
        [InlineData("transactionPurpose", "9", "13001", "transactionPurpose '9' is invalid")]
        [InlineData("feeBearing", "SHA", "13001", "feeBearing is only allowed for SWIFT")]
        [InlineData("paymentMethod", "SWIFT", "13001", "accountInfomation.swiftCode is required")]
        [InlineData("receiverInfo", "{\"firstName\":\"Anna\"}", "13001", "receiverInfo.lastName is required")]
        [InlineData("receiverInfo", "not json", "13001", "receiverInfo is not valid JSON")]
        [InlineData("address", "{\"countryCode\":\"DE\",\"city\":\"Berlin\"}", "13001", "address.addressLine1 is required")]
        [InlineData("payoutCurrency", "GBP", "13001", "payoutCurrency GBP differs from targetCurrency EUR")]
        [InlineData("payerId", "1776000000000000001", "00000", "")]
        public async Task Inline_remittance_rules(string field, string? value, string code, string message)
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request[field] = value;

            var response = await Sandbox.CallAsync("/api/v2/txn/remittance", request);

            if (code == "00000")
            {
                Assert.Equal("20000", response.RespCode);
                return;
            }

            Assert.Equal(code, response.RespCode);
            Assert.Contains(message, response.RespMsg);
            Assert.Equal(0, (await Sandbox.StateAsync()).GetProperty("payouts").GetArrayLength());
        }

        [Fact]
        public async Task Swift_needs_fee_bearing_and_accepts_it()
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request["paymentMethod"] = "SWIFT";
            request["accountInfomation"] = "{\"cardNumber\":\"DE89370400440532013000\",\"swiftCode\":\"COBADEFFXXX\"}";

            Assert.Contains("feeBearing is required for SWIFT", (await Sandbox.CallAsync("/api/v2/txn/remittance", request)).RespMsg);

            request["feeBearing"] = "OUR";
            var response = await Sandbox.CallAsync("/api/v2/txn/remittance", request);
            Assert.Equal("20000", response.RespCode);
            Assert.Equal("25.50", response.DataString("fee"));   // 0.5% of 100.00 + 25 USD for OUR
        }

        [Fact]
        public async Task Payer_id_and_payer_detail_are_exclusive()
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request["payerId"] = "1776000000000000001";
            request["payerDetail"] = "{\"companyName\":\"X\"}";

            Assert.Contains("payerId and payerDetail", (await Sandbox.CallAsync("/api/v2/txn/remittance", request)).RespMsg);
        }

        [Fact]
        public async Task Business_payee_needs_a_company_name()
        {
            var request = Requests.Payee("GB33BUKB20201555555555");
            request["entityType"] = "0";

            Assert.Contains("receiverInfo.companyName is required", (await Sandbox.CallAsync("/api/v1/beneficiary/add", request)).RespMsg);
        }

        [Fact]
        public async Task A_wrong_signature_is_13002()
        {
            var response = await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?>(), new Sha256SecretSigner("00000000000000000000000000000000"));

            Assert.Equal("13002", response.RespCode);
        }

        [Fact]
        public async Task An_unknown_merchant_is_12004()
        {
            var response = await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?> { ["merchantNo"] = "999999" });

            Assert.Equal("12004", response.RespCode);
        }

        [Fact]
        public async Task Wrong_case_field_names_are_named_in_the_error()
        {
            var request = Requests.InlineRemittance(NewRequestId());
            request.Remove("requestId");
            request["RequestId"] = "R-1";

            Assert.Contains("field names are case-sensitive: got 'RequestId'", (await Sandbox.CallAsync("/api/v2/txn/remittance", request)).RespMsg);
        }

        [Fact]
        public async Task Too_many_decimals_for_jpy_and_kwd()
        {
            var jpy = Requests.InlineRemittance(NewRequestId());
            jpy["sourceCurrency"] = "JPY";
            jpy["sourceAmount"] = "100.5";
            Assert.Contains("JPY allows 0", (await Sandbox.CallAsync("/api/v2/txn/remittance", jpy)).RespMsg);

            var kwd = Requests.InlineRemittance(NewRequestId());
            kwd["sourceCurrency"] = "KWD";
            kwd["sourceAmount"] = "100.1234";
            Assert.Contains("KWD allows 3", (await Sandbox.CallAsync("/api/v2/txn/remittance", kwd)).RespMsg);
        }

        [Fact]
        public async Task Paging_bounds_are_checked()
        {
            var request = Requests.TxnList();
            request["size"] = "0";

            Assert.Contains("size must be a whole number from 1 to 100", (await Sandbox.CallAsync("/api/v1/txn/queryList", request)).RespMsg);
        }
    }
}
