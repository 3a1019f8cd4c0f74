using System.Collections;
using System.Collections.Generic;
using PayoutPS.Core.Input;
using PayoutPS.Core.Money;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 7: every row exactly as written, or refused naming the field.</summary>
    public class RowInputTests
    {
        private static Dictionary<string, object?> Row(params (string Name, object? Value)[] extra) => InputRows.Row(extra);

        private static IReadOnlyList<RequestField> Fields(Dictionary<string, object?> row) => InputRows.Fields(row);

        private static PayoutRequestException Refused(Dictionary<string, object?> row) =>
            Assert.Throws<PayoutRequestException>(() => Fields(row));

        [Theory]
        [InlineData("100", "USD", "100.00")]
        [InlineData("007.50", "USD", "7.50")]
        [InlineData("12.5", "USD", "12.50")]
        [InlineData("0.5", "USD", "0.50")]
        [InlineData("15000", "JPY", "15000")]
        [InlineData("1.1", "KWD", "1.100")]
        public void Amounts_go_out_in_the_currency_canonical_form(string typed, string currency, string sent)
        {
            Assert.Equal(sent, Amount.Normalize(typed, currency, out _));
        }

        [Theory]
        [InlineData(12.5, "12.5")]
        [InlineData(100.0, "100")]
        [InlineData(100.001, "100.001")]
        public void A_typed_double_becomes_its_shortest_round_trip_text(double typed, string text)
        {
            Assert.Equal(text, InputValue.ToText(typed, "SendAmount"));
        }

        [Fact]
        public void A_computed_double_is_refused_with_the_currency_rule()
        {
            var error = Refused(Row(("SendAmount", 0.1 + 0.2)));

            Assert.Contains("'0.30000000000000004' has 17 decimals but USD allows 2", error.Message);
        }

        [Fact]
        public void A_typed_double_with_too_many_decimals_gets_the_currency_rule_not_a_floating_point_message()
        {
            var error = Refused(Row(("SendAmount", 100.001)));

            Assert.Contains("has 3 decimals but USD allows 2", error.Message);
        }

        [Fact]
        public void The_signed_amount_is_the_canonical_text()
        {
            Assert.Equal("100.00", RequestFields.Find(Fields(Row(("SendAmount", "100"))), "sourceAmount"));
            Assert.Equal("7.50", RequestFields.Find(Fields(Row(("SendAmount", 7.5))), "sourceAmount"));
        }

        [Fact]
        public void A_beneficiary_with_any_inline_payee_field_is_refused_naming_the_fields()
        {
            var row = new Dictionary<string, object?>
            {
                ["RequestId"] = "R-1", ["BeneficiaryId"] = "1775000000000000001", ["FirstName"] = "Bob", ["AccountNumber"] = "GB29NWBK60161331926819",
                ["SendAmount"] = "10.00", ["SourceCurrency"] = "USD", ["Purpose"] = "1",
            };

            var error = Refused(row);

            Assert.Equal("BeneficiaryId", error.Field);
            Assert.Contains("FirstName, AccountNumber", error.Message);
        }

        [Theory]
        [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
        [InlineData("DE89-3704-0044-0532-0130-00", "DE89370400440532013000")]
        [InlineData("de89370400440532013000", "DE89370400440532013000")]
        [InlineData("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
        [InlineData("123 456-789", "123456789")]
        public void Account_numbers_lose_spaces_and_dashes(string typed, string sent)
        {
            var fields = Fields(Row(("AccountNumber", typed)));

            Assert.Contains("\"cardNumber\":\"" + sent + "\"", RequestFields.Find(fields, "accountInfomation"));
        }

        [Theory]
        [InlineData("DE89370400440532013001", "check digits do not match")]
        [InlineData("DE8937040044053201300", "has 21 characters; a DE IBAN has 22")]
        [InlineData("DE89/370400440532013000", "contains '/'")]
        [InlineData("12345.678", "contains '.'")]
        public void Bad_account_numbers_are_refused_without_echoing_them(string typed, string problem)
        {
            var error = Refused(Row(("AccountNumber", typed)));

            Assert.Equal("AccountNumber", error.Field);
            Assert.Contains(problem, error.Message);
            Assert.DoesNotContain("370400440532013", error.Message);
        }

        [Theory]
        [InlineData("J\uFFFDrgen", "could not be decoded")]
        [InlineData("Anna\nBob", "control character")]
        [InlineData("Anna\tB", "control character")]
        [InlineData("Anna\0", "control character")]
        public void Damaged_text_is_refused_with_the_fix(string name, string problem)
        {
            var error = Refused(Row(("FirstName", name)));

            Assert.Equal("FirstName", error.Field);
            Assert.Contains(problem, error.Message);
        }

        [Fact]
        public void A_lone_surrogate_is_refused()
        {
            // Not an InlineData: xUnit's serializer would turn the lone surrogate into U+FFFD on the way.
            Assert.Contains("lone UTF-16 surrogate", Refused(Row(("LastName", "M\uD800ller"))).Message);
        }

        [Fact]
        public void The_replacement_character_message_says_how_to_fix_the_file()
        {
            var error = Refused(Row(("City", "M\uFFFDnchen")));

            Assert.Contains("CSV UTF-8", error.Message);
            Assert.Contains("Import-Csv -Encoding", error.Message);
        }

        [Fact]
        public void Payer_detail_binds_from_json_text_and_from_a_dictionary_alike()
        {
            var fromJson = Fields(Row(("PayerDetail", "{\"companyName\":\"Creator Ltd\",\"countryCode\":\"GB\",\"employees\":12.5}")));
            var fromTable = Fields(Row(("PayerDetail", new Hashtable { ["countryCode"] = "GB", ["companyName"] = "Creator Ltd", ["employees"] = 12.5m })));

            Assert.Equal("{\"companyName\":\"Creator Ltd\",\"countryCode\":\"GB\",\"employees\":\"12.5\"}", RequestFields.Find(fromJson, "payerDetail"));
            Assert.Equal(RequestFields.Find(fromJson, "payerDetail"), RequestFields.Find(fromTable, "payerDetail"));
        }

        [Fact]
        public void Payer_detail_numbers_are_written_without_culture()
        {
            using (new CultureScope("de-DE"))
            {
                var fields = Fields(Row(("PayerDetail", new Hashtable { ["companyName"] = "X", ["share"] = 0.25 })));

                Assert.Contains("\"share\":\"0.25\"", RequestFields.Find(fields, "payerDetail"));
            }
        }

        [Theory]
        [InlineData("{}", "is empty")]
        [InlineData("[1,2]", "must be a JSON object")]
        [InlineData("{\"companyName\":{\"x\":1}}", "key 'companyName' holds a nested object")]
        [InlineData("{\"tags\":[\"a\"]}", "key 'tags' holds a nested list")]
        [InlineData("not json", "is not valid JSON")]
        public void Bad_payer_details_are_refused_naming_the_key(string json, string problem)
        {
            var error = Refused(Row(("PayerDetail", json)));

            Assert.Contains(problem, error.Message);
            Assert.StartsWith("PayerDetail", error.Field);
        }

        [Fact]
        public void An_array_value_in_a_payer_dictionary_is_refused_not_sent_as_a_type_name()
        {
            var error = Refused(Row(("PayerDetail", new Hashtable { ["companyName"] = "X", ["ids"] = new object[] { 1, 2 } })));

            Assert.Contains("key 'ids' holds a nested list", error.Message);
        }

        [Fact]
        public void An_empty_payer_dictionary_is_refused()
        {
            Assert.Contains("is empty", Refused(Row(("PayerDetail", new Hashtable()))).Message);
        }

        [Fact]
        public void Payee_detail_binds_from_json_and_refuses_unknown_parts()
        {
            var fields = Fields(Row(("PayeeDetail", "{\"receiverInfo\":{\"email\":\"a@b.de\"},\"accountInfomation\":{\"bankName\":\"Bank\"}}")));
            Assert.Contains("\"email\":\"a@b.de\"", RequestFields.Find(fields, "receiverInfo"));
            Assert.Contains("\"bankName\":\"Bank\"", RequestFields.Find(fields, "accountInfomation"));

            var error = Refused(Row(("PayeeDetail", "{\"bank\":{\"x\":\"y\"}}")));
            Assert.Contains("key 'bank' is not one of receiverInfo, address, accountInfomation", error.Message);
        }

        [Theory]
        [InlineData("SendAmmount", "SendAmount")]
        [InlineData("Contry", "Country")]
        [InlineData("Refrence", "Reference")]
        [InlineData("sourceAmmount", "SourceAmount")]
        [InlineData("Emial", "Email")]
        public void A_near_miss_column_is_spotted(string column, string meant)
        {
            Assert.Equal(meant, Names().NearMiss(column), ignoreCase: true);
        }

        [Theory]
        [InlineData("Notes")]
        [InlineData("Id")]
        [InlineData("Department")]
        [InlineData("Status")]
        [InlineData("EmployeeName")]
        public void Ordinary_payroll_columns_are_not_near_misses(string column)
        {
            Assert.Null(Names().NearMiss(column));
        }

        [Fact]
        public void Columns_resolve_by_name_or_alias_in_any_case()
        {
            Assert.Equal("SendAmount", Names().FieldOf("sourceamount"));
            Assert.Equal("Country", Names().FieldOf("COUNTRYCODE"));
            Assert.Null(Names().FieldOf("Notes"));
        }

        [Theory]
        [InlineData("bankCountry 'XX' is invalid: expected an ISO 3166-1 alpha-2 country code.", "-BankCountry (which defaults to -Country)")]
        [InlineData("address.countryCode 'XX' is invalid", "-Country")]
        [InlineData("accountInfomation.walletPhone is required for E_WALLET payouts.", "-WalletPhone")]
        [InlineData("payoutCurrency GBP differs from targetCurrency EUR; they must match.", "-TargetCurrency (which defaults to -SourceCurrency)")]
        [InlineData("sourceAmount '1,50' contains a comma", "-SendAmount")]
        [InlineData("Something else went wrong.", null)]
        public void A_service_refusal_is_explained_in_parameters(string serviceMessage, string? explained)
        {
            Assert.Equal(explained, PayeeFieldNames.ExplainInParameters(serviceMessage));
        }

        [Fact]
        public void A_short_hex_secret_is_called_a_secret_not_a_bad_rsa_key()
        {
            var error = Assert.Throws<Keys.PayoutKeyException>(() => Keys.KeyLoader.LoadSigner("abcde"));

            Assert.Contains("looks like a hex secret but has 5 characters", error.Message);
            Assert.DoesNotContain("RSA", error.Message);
        }

        private static ColumnNames Names() => new ColumnNames(new[]
        {
            Pair("SendAmount", "SourceAmount"), Pair("Country", "CountryCode"), Pair("Reference"), Pair("Email"), Pair("State"), Pair("City"),
            Pair("BankCountry"), Pair("SwiftCode", "BIC"), Pair("PostalCode", "Zip"), Pair("RequestId", "PaymentId"), Pair("Amount"),
        });

        private static KeyValuePair<string, IEnumerable<string>> Pair(string name, params string[] aliases) => new KeyValuePair<string, IEnumerable<string>>(name, aliases);
    }
}
