using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 17: payee text is checked before it is signed, so what the bank shows is what the operator saw.</summary>
    public class PayeeTextTests
    {
        private static Dictionary<string, object?> Row(params (string Name, object? Value)[] extra) => InputRows.Row(extra);

        private static IReadOnlyList<RequestField> Fields(Dictionary<string, object?> row) => InputRows.Fields(row);

        private static string Refused(params (string Name, object? Value)[] extra) =>
            Assert.Throws<PayoutRequestException>(() => Fields(Row(extra))).Message;

        private static JsonElement ReceiverInfo(IReadOnlyList<RequestField> fields) =>
            JsonDocument.Parse(fields.Single(f => f.Name == "receiverInfo").Value!).RootElement;

        [Fact]
        public void Decomposed_accents_are_sent_composed_as_they_display()
        {
            var fields = Fields(Row(("LastName", "Mu\u0308ller")));

            Assert.Equal("Müller", ReceiverInfo(fields).GetProperty("lastName").GetString());
        }

        [Theory]
        [InlineData("Anna\u200B", "U+200B (zero-width space)")]
        [InlineData("\u202EannA", "U+202E (a direction override or isolate)")]
        [InlineData("An\u00ADna", "U+00AD (soft hyphen)")]
        [InlineData("\uFEFFAnna", "U+FEFF")]
        public void Invisible_and_direction_changing_characters_are_refused_by_code_point(string name, string named)
        {
            var message = Refused(("FirstName", name));

            Assert.StartsWith("FirstName contains " + named, message);
        }

        [Fact]
        public void A_zero_width_non_joiner_inside_a_word_is_kept_for_the_scripts_that_spell_with_it()
        {
            var fields = Fields(Row(("FirstName", "می\u200Cخواهم")));

            Assert.Equal("می\u200Cخواهم", ReceiverInfo(fields).GetProperty("firstName").GetString());
        }

        [Theory]
        [InlineData("JÃ¼rgen", "Ã¼")]
        [InlineData("KÃ¶ln", "Ã¶")]
        [InlineData("Ren\u00C3\u00A9", "Ã©")]
        public void Utf8_text_read_as_windows_1252_is_refused_with_the_fix(string name, string shown)
        {
            var message = Refused(("City", name));

            Assert.Contains($"contains '{shown}', which is how UTF-8 text looks when it is read as Windows-1252", message);
            Assert.Contains("leave out -Encoding", message);
        }

        [Fact]
        public void Text_longer_than_its_field_allows_is_refused_with_the_limit()
        {
            Assert.Equal("FirstName is 5000 characters long; at most 64 are allowed. Shorten it in the file (is a whole line, or a note, in this cell?).",
                Refused(("FirstName", new string('a', 5000))));
            Assert.Contains("at most 256", Refused(("Reference", new string('r', 257))));
            Assert.NotNull(Fields(Row(("FirstName", new string('a', 64)))));
        }

        [Fact]
        public void A_name_of_combined_characters_counts_as_people_see_it()
        {
            var name = string.Concat(Enumerable.Repeat("e\u0301\u0323", 60)); // 180 UTF-16 units, 60 letters

            Assert.NotNull(Fields(Row(("FirstName", name))));
        }

        [Fact]
        public void A_payee_type_and_names_that_contradict_each_other_are_refused()
        {
            Assert.Contains("CompanyName is given, but an individual payee has no company name", Refused(("CompanyName", "Müller GmbH")));
            Assert.Contains("FirstName is given, but PayeeType Business is paid by its CompanyName",
                Refused(("PayeeType", "Business"), ("CompanyName", "Müller GmbH"), ("LastName", "")));
        }

        [Fact]
        public void An_iban_from_another_country_than_the_bank_country_given_is_refused()
        {
            Assert.Contains("BankCountry 'FR' disagrees with AccountNumber, a DE IBAN", Refused(("BankCountry", "FR")));
            Assert.NotNull(Fields(Row(("BankCountry", "DE"))));
            Assert.NotNull(Fields(Row(("Country", "FR")))); // living in France with a German account is normal
        }

        [Fact]
        public void Json_details_with_a_key_twice_are_refused_not_resolved_to_one()
        {
            var message = Assert.Throws<PayoutRequestException>(() => DetailInput.Flat("{\"companyName\":\"A Ltd\",\"CompanyName\":\"B Ltd\"}", "PayerDetail")).Message;

            Assert.Equal("PayerDetail gives the key 'CompanyName' twice (keys are compared ignoring case); give each key once.", message);
        }

        [Theory]
        [InlineData("6.22202E+18", "a number in Excel's scientific notation")]
        [InlineData("6,22202E+18", "a number in Excel's scientific notation")]
        [InlineData("'0123456789", "starts with an apostrophe")]
        public void Excel_damage_to_an_account_number_gets_an_excel_hint(string account, string hint)
        {
            Assert.Contains(hint, Refused(("AccountNumber", account)));
        }
    }
}
