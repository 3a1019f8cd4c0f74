using PayoutPS.Core.Money;
using PayoutPS.Core.Payouts;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Country and currency codes as people write them: refused before sending, with the code they mean.</summary>
    public sealed class CodeTests
    {
        [Theory]
        [InlineData("UK", "write GB")]
        [InlineData("USA", "write US")]
        [InlineData("United States", "write US")]
        [InlineData("840", "write US")]
        [InlineData("U.S.", "write US")]
        [InlineData("Deutschland", "write DE")]
        [InlineData("D", "two capitals, such as DE")]
        public void A_country_that_is_no_ISO_code_is_refused_with_the_code_it_means(string written, string fix)
        {
            Assert.False(CountryCodes.IsCode(written));
            Assert.Contains(fix, CountryCodes.Problem(written));
            var error = Assert.Throws<PayoutRequestException>(() => InputRows.Fields(InputRows.Row(("Country", written))));
            Assert.Equal("Country", error.Field);
            Assert.Contains(fix, error.Message);
        }

        [Theory]
        [InlineData("RMB", "write CNY")]
        [InlineData("US$", "write USD")]
        [InlineData("EURO", "write EUR")]
        [InlineData("XXX", "no money to pay in")]
        [InlineData("XAU", "no money to pay in")]
        [InlineData("DOLLAR", "not an ISO 4217 currency code")]
        public void A_currency_that_is_no_ISO_code_to_pay_in_is_refused_with_the_code_it_means(string written, string fix)
        {
            Assert.False(Currencies.IsCode(written));
            Assert.Contains(fix, Currencies.Problem(written));
            var error = Assert.Throws<PayoutRequestException>(() => InputRows.Fields(InputRows.Row(("TargetCurrency", written))));
            Assert.Equal("TargetCurrency", error.Field);
            Assert.Contains(fix, error.Message);
        }

        [Theory]
        [InlineData("DE")]
        [InlineData("GB")]
        [InlineData("US")]
        public void A_real_country_code_is_one(string code) => Assert.Null(CountryCodes.Problem(code));

        [Theory]
        [InlineData("USD")]
        [InlineData("CNY")]
        [InlineData("XOF")]
        [InlineData("JPY")]
        public void A_real_currency_code_is_one(string code) => Assert.Null(Currencies.Problem(code));
    }
}
