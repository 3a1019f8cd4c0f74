using PayoutPS.Core.Input;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>A payee's e-mail and phone that cannot be one are refused with their field; names mixing scripts are warned about.</summary>
    public class ContactAndNameTests
    {
        [Theory]
        [InlineData("anna@example.com")]
        [InlineData("anna.mueller+pay@mail.example.co.uk")]
        [InlineData(" anna@example.com ")]
        [InlineData("")]
        [InlineData(null)]
        public void An_email_address_or_none_passes(string? value) => ContactText.CheckEmail("Email", value);

        [Theory]
        [InlineData("anna")]
        [InlineData("anna@")]
        [InlineData("@example.com")]
        [InlineData("anna@example")]
        [InlineData("anna@example.")]
        [InlineData("anna@@example.com")]
        [InlineData("anna@example.com; bob@example.com")]
        [InlineData("Anna <anna@example.com>")]
        [InlineData("anna @example.com")]
        public void What_is_no_single_email_address_is_refused_naming_the_field(string value)
        {
            var error = Assert.Throws<PayoutRequestException>(() => ContactText.CheckEmail("Email", value));

            Assert.Equal("Email", error.Field);
            Assert.StartsWith($"Email '{value}' is not one e-mail address", error.Message);
        }

        [Theory]
        [InlineData("+49 30 1234567")]
        [InlineData("030-123.456")]
        [InlineData("(030) 1234567")]
        [InlineData("+639171234567")]
        public void A_phone_number_passes(string value) => ContactText.CheckPhone("Phone", value);

        [Theory]
        [InlineData("call me")]
        [InlineData("1234")]
        [InlineData("+49 30 1234567 ext 5")]
        [InlineData("49+301234567")]
        [InlineData("1234567890123456")]
        public void What_is_no_phone_number_is_refused_naming_the_field(string value)
        {
            var error = Assert.Throws<PayoutRequestException>(() => ContactText.CheckPhone("WalletPhone", value));

            Assert.Equal("WalletPhone", error.Field);
            Assert.Contains("is not a phone number", error.Message);
        }

        [Theory]
        [InlineData("Anna")]
        [InlineData("Müller-Lüdenscheidt")]
        [InlineData("Иван Петров")]
        [InlineData("李 小龙")]
        [InlineData("Ivan Петров")] // two words, each in one script: a transliterated and a native name
        [InlineData("Ελένη")]
        public void A_name_in_one_script_per_word_is_not_warned_about(string value) => Assert.Null(NameScripts.Mixed("LastName", value));

        [Theory]
        [InlineData("\u0410nna", '\u0410', "Cyrillic")] // Cyrillic capital A among Latin letters
        [InlineData("M\u00fcll\u0435r", '\u0435', "Cyrillic")]
        [InlineData("Петр\u006f\u0432", 'o', "Latin")] // a Latin o in a Cyrillic name
        [InlineData("\u0391nna", '\u0391', "Greek")]
        public void A_word_mixing_scripts_is_warned_about_naming_the_odd_letter(string value, char odd, string script)
        {
            var warning = NameScripts.Mixed("LastName", value);

            Assert.NotNull(warning);
            Assert.Contains($"'{odd}' (U+{(int)odd:X4}) is {script}", warning);
        }
    }
}
