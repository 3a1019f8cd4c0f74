using System;
using PayoutPS.Core.Redaction;
using Xunit;

namespace PayoutPS.Core.Tests
{
    public class RedactorTests
    {
        [Fact]
        public void Sign_secrets_and_account_numbers_are_masked_even_inside_nested_json_strings()
        {
            var body = "{\"merchantNo\":\"800100\",\"accountInfomation\":\"{\\\"cardNumber\\\":\\\"DE89370400440532013000\\\"}\",\"secretKey\":\"abc\",\"sign\":\"0123456789abcdef\"}";

            var redacted = Redactor.RedactBody(body);

            Assert.DoesNotContain("DE89370400440532013000", redacted);
            Assert.Contains("****3000", redacted);
            Assert.DoesNotContain("0123456789abcdef", redacted);
            Assert.DoesNotContain("abc", redacted);
            Assert.Contains("800100", redacted);
        }

        [Fact]
        public void Text_that_is_not_json_has_long_digit_runs_masked()
        {
            Assert.Equal("card ****1111 here", Redactor.RedactBody("card 4111111111111111 here"));
        }

        [Theory]
        [InlineData("DE89370400440532013000", "3000", "****3000")]
        [InlineData("****3000", "3000", "****3000")]
        [InlineData("6222020200112233445", "3445", "****3445")]
        [InlineData("12345", "2345", "****2345")]
        [InlineData("1234", "1234", "****")] // shown fully masked, compared by all four
        [InlineData("12", "12", "****")]
        public void The_last_four_of_an_account_are_taken_one_way_for_the_guard_and_the_mask(string account, string lastFour, string masked)
        {
            Assert.Equal(lastFour, PayoutPS.Core.Input.AccountNumber.LastFour(account.AsSpan()).ToString());
            Assert.Equal(masked, Redactor.MaskAccount(account));
            if (masked != "****")
            {
                // A payee shown masked and the account it masks are one payee to the guard.
                Assert.Equal(lastFour, PayoutPS.Core.Input.AccountNumber.LastFour(masked.AsSpan()).ToString());
            }
        }
    }
}
