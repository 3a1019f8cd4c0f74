using System.Collections.Generic;
using System.Collections.Specialized;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// Known answers. The official vector is the provider's (spec §2.1); the four payout-shaped ones were
    /// computed with Python's hashlib and json.dumps(separators=(',',':'), ensure_ascii=False), not with
    /// this code: see tests/vectors/sha256_vectors.py.
    /// </summary>
    public class Sha256VectorTests
    {
        private const string Secret = "0123456789abcdef0123456789abcdef";

        [Theory]
        [InlineData("en-US")]
        [InlineData("tr-TR")]
        [InlineData("de-DE")]
        public void Official_vector_with_excluded_field(string culture)
        {
            using var _ = new CultureScope(culture);
            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["test1"] = "0",
                ["test2"] = "test2value",
                ["test3"] = "test3value",
                ["test4"] = "test4value",
                ["test5"] = "",
                ["test6"] = null,
            });
            var signer = new Sha256SecretSigner("3b5e10b65bff4172a5b9ca2d2ec00a6e");

            var signed = RequestSigning.Sign(fields, signer, new[] { "test2" });

            Assert.Equal("0test3valuetest4value", signed.CanonicalString);
            Assert.Equal("836831ae68fce5e61d4a64363bb72c636efe6e94b62ecaa8d1c95fc58cc9cbed", signed.Sign);
        }

        [Theory]
        [InlineData("en-US")]
        [InlineData("tr-TR")]
        [InlineData("de-DE")]
        public void Remittance_to_an_approved_payee(string culture)
        {
            using var _ = new CultureScope(culture);
            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800209",
                ["beneficiaryId"] = 1774000000000000001L,
                ["sourceCurrency"] = "USD",
                ["sourceAmount"] = 100.00m,
                ["targetCurrency"] = "EUR",
                ["requestId"] = "REQ-20261126-0001",
                ["transactionPurpose"] = 1,
                ["chargeFlag"] = "N",
                ["reference"] = "Invoice 42",
            });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.Equal("1774000000000000001N800209Invoice 42REQ-20261126-0001100.00USDEUR1", signed.CanonicalString);
            Assert.Equal("59ffee6598a58a5af7aab3371ac589faf2af1c8fa0a78323981aa16ccc4040ed", signed.Sign);
        }

        [Theory]
        [InlineData("en-US")]
        [InlineData("tr-TR")]
        public void Inline_individual_payee_with_chinese_names(string culture)
        {
            using var _ = new CultureScope(culture);
            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800209",
                ["bankCountry"] = "CN",
                ["payoutCurrency"] = "CNY",
                ["entityType"] = "1",
                ["paymentMethod"] = "BANK_TRANSFER",
                ["receiverInfo"] = Ordered(("firstName", "李"), ("lastName", "小龙"), ("email", "li@example.com")),
                ["address"] = Ordered(("countryCode", "CN"), ("city", "上海"), ("addressLine1", "1 Nanjing Rd")),
                ["accountInfomation"] = Ordered(("cardNumber", "6222020200112233445"), ("bankName", "ICBC")),
                ["sourceCurrency"] = "USD",
                ["targetCurrency"] = "CNY",
                ["targetAmount"] = "700.00",
                ["requestId"] = "REQ-0002",
                ["transactionPurpose"] = "1",
                ["chargeFlag"] = "Y",
            });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.Equal("{\"firstName\":\"李\",\"lastName\":\"小龙\",\"email\":\"li@example.com\"}", RequestFields.Find(signed.Fields, "receiverInfo"));
            Assert.Equal("4dbae4e9fa6012034abd1ba2aa67c330784f6b223caa4a1fccb626530b52bb70", signed.Sign);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("tr-TR")]
        public void Business_swift_payout_on_behalf_of_a_payer_with_arabic_address(string culture)
        {
            using var _ = new CultureScope(culture);
            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800209",
                ["bankCountry"] = "DE",
                ["payoutCurrency"] = "EUR",
                ["entityType"] = "0",
                ["paymentMethod"] = "SWIFT",
                ["feeBearing"] = "SHA",
                ["receiverInfo"] = Ordered(("companyName", "Müller & Söhne GmbH")),
                ["address"] = Ordered(("countryCode", "DE"), ("city", "München")),
                ["accountInfomation"] = Ordered(("cardNumber", "DE89370400440532013000"), ("swiftCode", "COBADEFFXXX")),
                ["payerDetail"] = Ordered(("companyName", "Creator Platform Ltd"), ("countryCode", "AE"), ("addressLine1", "شارع الشيخ زايد")),
                ["sourceCurrency"] = "EUR",
                ["sourceAmount"] = 2500.50m,
                ["targetCurrency"] = "EUR",
                ["requestId"] = "REQ-0003",
                ["transactionPurpose"] = "5",
                ["chargeFlag"] = "N",
                ["reference"] = null,
                ["payerId"] = "",
            });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.Equal("fbe054750f485df0440097782ea44cec389a06ad89d7c85909589541a722e161", signed.Sign);
        }

        [Fact]
        public void Transaction_list_query_with_paging_numbers()
        {
            using var _ = new CultureScope("tr-TR");
            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800209",
                ["requestId"] = "REQ-0001",
                ["createTimeStartTime"] = "2026-11-01 00:00:00",
                ["createTimeEndTime"] = "2026-11-26 23:59:59",
                ["size"] = 20,
                ["current"] = 1,
            });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.Equal("678369da35ef9632d39d7f29160c74657a11fdf5190a1d8931d69a9e80eb73a6", signed.Sign);
            Assert.Contains("\"size\":\"20\"", signed.Body);
        }

        private static OrderedDictionary Ordered(params (string Name, string Value)[] entries)
        {
            var dictionary = new OrderedDictionary();
            foreach (var (name, value) in entries)
            {
                dictionary.Add(name, value);
            }

            return dictionary;
        }
    }
}
