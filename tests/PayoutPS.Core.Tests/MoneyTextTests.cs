using PayoutPS.Core.Payouts;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Amounts as tables show them: grouped, invariant, with the decimals the service wrote.</summary>
    public sealed class MoneyTextTests
    {
        [Theory]
        [InlineData("4800.00", "4,800.00")]
        [InlineData("120000", "120,000")]
        [InlineData("10000.000", "10,000.000")]
        [InlineData("-1237.5", "-1,237.5")]
        [InlineData("0.00", "0.00")]
        [InlineData("1,50", "1,50")] // no amount: shown as written, never reinterpreted
        [InlineData(null, null)]
        public void A_column_amount_is_grouped_with_its_own_decimals(string? written, string? shown)
        {
            Assert.Equal(shown, MoneyText.Column(written));
        }

        [Fact]
        public void A_column_amount_ignores_the_current_culture()
        {
            using (new CultureScope("de-DE"))
            {
                Assert.Equal("1,234,567.89", MoneyText.Column(1234567.89m));
                Assert.Equal("1,234.50", MoneyText.Column("1234.50"));
            }
        }
    }
}
