using System;
using System.Collections.Generic;
using System.Globalization;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>The payee fields shared by add (#6), edit (#7) and the inline remittance (#11), validated.</summary>
    internal sealed class PayeeInput
    {
        private PayeeInput()
        {
        }

        public string PaymentMethod { get; private set; } = string.Empty;

        public string PayoutCurrency { get; private set; } = string.Empty;

        public string CardNumber { get; private set; } = string.Empty;

        public string Name { get; private set; } = string.Empty;

        /// <summary>[SANDBOX] A name containing SANDBOX_REJECT ends review as REJECT.</summary>
        public bool RejectOnReview => Name.Contains("SANDBOX_REJECT");

        /// <summary>What a payee record keeps and shows (the nested objects exactly as sent).</summary>
        public Dictionary<string, string> Stored { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public static PayeeInput Read(ApiRequest request)
        {
            var input = new PayeeInput();
            var bankCountry = request.Country("bankCountry");
            input.PayoutCurrency = request.Currency("payoutCurrency");
            var entityType = request.OneOf("entityType", "0", "1");
            input.PaymentMethod = request.OneOf("paymentMethod", PaymentMethods.All);

            var receiver = request.JsonObject("receiverInfo");
            input.Name = entityType == "0"
                ? NestedRequired(receiver, "receiverInfo", "companyName", "a business payee (entityType 0)")
                : NestedRequired(receiver, "receiverInfo", "firstName", "an individual payee (entityType 1)") + " " +
                  NestedRequired(receiver, "receiverInfo", "lastName", "an individual payee (entityType 1)");
            if (receiver.TryGetValue("birthDate", out var birthDate) &&
                !DateTime.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new FieldException($"receiverInfo.birthDate '{birthDate}' is not a date in the form yyyy-MM-dd.");
            }

            var address = request.JsonObject("address");
            var addressCountry = NestedRequired(address, "address", "countryCode", "every payee");
            if (!Countries.IsKnown(addressCountry))
            {
                throw new FieldException($"address.countryCode '{addressCountry}' is invalid: expected an ISO 3166-1 alpha-2 country code.");
            }

            NestedRequired(address, "address", "city", "every payee");
            NestedRequired(address, "address", "addressLine1", "every payee");

            var account = request.JsonObject("accountInfomation");
            input.CardNumber = NestedRequired(account, "accountInfomation", "cardNumber", "every payee");
            if (input.CardNumber.Length > 34)
            {
                throw new FieldException("accountInfomation.cardNumber is longer than 34 characters (the IBAN maximum).");
            }

            if (account.TryGetValue("accountType", out var accountType) && accountType != "0" && accountType != "1" && accountType != "2")
            {
                throw new FieldException($"accountInfomation.accountType '{accountType}' is invalid: expected 0 (checking), 1 (saving) or 2 (ordinary).");
            }

            foreach (var field in MethodFields(PaymentMethods.Canonical(input.PaymentMethod)))
            {
                var dot = field.IndexOf('.');
                var parent = field.Substring(0, dot);
                NestedRequired(parent == "receiverInfo" ? receiver : account, parent, field.Substring(dot + 1), $"{input.PaymentMethod} payouts");
            }

            if (PaymentMethods.Canonical(input.PaymentMethod) == "SWIFT")
            {
                var swift = NestedRequired(account, "accountInfomation", "swiftCode", "SWIFT payouts");
                if (swift.Length != 8 && swift.Length != 11)
                {
                    throw new FieldException($"accountInfomation.swiftCode '{swift}' must have 8 or 11 characters.");
                }
            }

            input.Stored["bankCountry"] = bankCountry;
            input.Stored["payoutCurrency"] = input.PayoutCurrency;
            input.Stored["entityType"] = entityType;
            input.Stored["paymentMethod"] = input.PaymentMethod;
            input.Stored["payeeName"] = input.Name;
            foreach (var name in new[] { "receiverInfo", "address", "accountInfomation" })
            {
                input.Stored[name] = request.Fields[name];
            }

            return input;
        }

        /// <summary>[SANDBOX] What each method needs beyond name, address and account: SWIFT a BIC, e-wallets the
        /// wallet and its phone, cash pickup the payee's phone (for the pickup code).</summary>
        public static IEnumerable<string> MethodFields(string canonicalMethod) => canonicalMethod switch
        {
            "SWIFT" => new[] { "accountInfomation.swiftCode" },
            "E_WALLET" => new[] { "accountInfomation.walletType", "accountInfomation.walletPhone" },
            "CASH_PICKUP" => new[] { "receiverInfo.phone" },
            _ => Array.Empty<string>(),
        };

        private static string NestedRequired(Dictionary<string, string> values, string parent, string name, string who)
        {
            if (!values.TryGetValue(name, out var value) || value.Length == 0)
            {
                throw new FieldException($"{parent}.{name} is required for {who}.");
            }

            return value;
        }
    }
}
