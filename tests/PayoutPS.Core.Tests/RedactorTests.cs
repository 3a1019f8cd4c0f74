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
    }
}
