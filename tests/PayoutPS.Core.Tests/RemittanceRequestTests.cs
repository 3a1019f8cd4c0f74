using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>A remittance is checked completely before anything is sent; errors name the parameter.</summary>
    public class RemittanceRequestTests
    {
        private static RemittanceRequest Inline()
        {
            var payee = new PayeeDetails { EntityType = "1" };
            payee.ReceiverInfo["firstName"] = "Anna";
            payee.ReceiverInfo["lastName"] = "Müller";
            payee.Address["countryCode"] = "DE";
            payee.Address["city"] = "Berlin";
            payee.Address["addressLine1"] = "Unter den Linden 1";
            payee.Account["cardNumber"] = "DE89370400440532013000";
            return new RemittanceRequest { RequestId = "R-1", Payee = payee, SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = "100.00", Purpose = "1" };
        }

        [Theory]
        [InlineData("1,50", "contains a comma")]
        [InlineData("1.234,56", "contains a comma")]
        [InlineData("1,000.00", "contains a comma")]
        [InlineData("-5", "not a plain positive number")]
        [InlineData("0", "is zero")]
        [InlineData("0.00", "is zero")]
        [InlineData("1e3", "not a plain positive number")]
        [InlineData("NaN", "not a plain positive number")]
        [InlineData("10.123", "has 3 decimals but USD allows 2")]
        public void Bad_amounts_are_refused_naming_the_parameter(string amount, string problem)
        {
            var request = Inline();
            request.SendAmount = amount;

            var error = Assert.Throws<PayoutRequestException>(() => request.ToFields());

            Assert.Equal("SendAmount", error.Field);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("JPY", "100", true)]
        [InlineData("JPY", "100.5", false)]
        [InlineData("KWD", "1.125", true)]
        [InlineData("KWD", "1.1250", false)]
        [InlineData("USD", "1.50", true)]
        public void Decimals_follow_the_currency(string currency, string amount, bool valid)
        {
            var request = Inline();
            request.SourceCurrency = currency;
            request.SendAmount = amount;

            if (valid)
            {
                Assert.Equal(amount, RequestFields.Find(request.ToFields(), "sourceAmount"));
            }
            else
            {
                Assert.Throws<PayoutRequestException>(() => request.ToFields());
            }
        }

        [Fact]
        public void Receive_amount_means_charge_flag_Y_in_the_target_currency()
        {
            var request = Inline();
            request.SendAmount = null;
            request.ReceiveAmount = "50.00";

            var fields = request.ToFields();

            Assert.Equal("Y", RequestFields.Find(fields, "chargeFlag"));
            Assert.Equal("50.00", RequestFields.Find(fields, "targetAmount"));
            Assert.Null(RequestFields.Find(fields, "sourceAmount"));
        }

        [Fact]
        public void Inline_payee_objects_are_compact_json_strings()
        {
            var fields = Inline().ToFields();

            Assert.Equal("{\"firstName\":\"Anna\",\"lastName\":\"Müller\"}", RequestFields.Find(fields, "receiverInfo"));
            Assert.Equal("EUR", RequestFields.Find(fields, "payoutCurrency"));
            Assert.Equal("DE", RequestFields.Find(fields, "bankCountry"));
        }

        [Theory]
        [InlineData("FeeBearing")]
        [InlineData("PayerId")]
        [InlineData("RequestId")]
        [InlineData("Purpose")]
        [InlineData("LastName")]
        public void Each_rule_names_its_parameter(string parameter)
        {
            var request = Inline();
            switch (parameter)
            {
                case "FeeBearing": request.FeeBearing = "SHA"; break;
                case "PayerId": request.PayerId = "1"; request.PayerDetail = new System.Collections.Generic.Dictionary<string, object?> { ["companyName"] = "X" }; break;
                case "RequestId": request.RequestId = new string('x', 33); break;
                case "Purpose": request.Purpose = "Gift"; break;
                case "LastName": request.Payee!.ReceiverInfo.Remove("lastName"); break;
            }

            Assert.Equal(parameter, Assert.Throws<PayoutRequestException>(() => request.ToFields()).Field);
        }
    }
}
