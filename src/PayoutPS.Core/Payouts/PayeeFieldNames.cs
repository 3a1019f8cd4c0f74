using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Payouts
{
    /// <summary>The API's payee fields (spec §3.2) and the parameters (CSV columns) that fill them.</summary>
    public static class PayeeFieldNames
    {
        private static readonly Dictionary<string, string> Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["receiverInfo.firstName"] = "FirstName",
            ["receiverInfo.lastName"] = "LastName",
            ["receiverInfo.companyName"] = "CompanyName",
            ["receiverInfo.email"] = "Email",
            ["receiverInfo.phone"] = "Phone",
            ["address.countryCode"] = "Country",
            ["address.state"] = "State",
            ["address.city"] = "City",
            ["address.addressLine1"] = "AddressLine1",
            ["address.postalCode"] = "PostalCode",
            ["accountInfomation.cardNumber"] = "AccountNumber",
            ["accountInfomation.bankName"] = "BankName",
            ["accountInfomation.swiftCode"] = "SwiftCode",
            ["accountInfomation.walletType"] = "WalletType",
            ["accountInfomation.walletPhone"] = "WalletPhone",
            ["bankCountry"] = "BankCountry",
        };

        // The remittance's own fields (spec §3.1) and the parameters behind them.
        private static readonly Dictionary<string, string> RemittanceParameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["requestId"] = "RequestId", ["beneficiaryId"] = "BeneficiaryId", ["payerId"] = "PayerId", ["payerDetail"] = "PayerDetail",
            ["sourceAmount"] = "SendAmount", ["targetAmount"] = "ReceiveAmount", ["sourceCurrency"] = "SourceCurrency", ["targetCurrency"] = "TargetCurrency",
            ["payoutCurrency"] = "TargetCurrency", ["transactionPurpose"] = "Purpose", ["chargeFlag"] = "ChargeFlag", ["feeBearing"] = "FeeBearing",
            ["reference"] = "Reference", ["entityType"] = "PayeeType", ["paymentMethod"] = "PaymentMethod",
        };

        /// <summary>
        /// Names, in the user's words, the parameter behind the first API field a service message mentions
        /// ("bankCountry 'XX' is invalid" → "-BankCountry (which defaults to -Country)"); null when it names none.
        /// </summary>
        public static string? ExplainInParameters(string? serviceMessage)
        {
            if (string.IsNullOrEmpty(serviceMessage))
            {
                return null;
            }

            var best = -1;
            string? parameter = null;
            foreach (var map in new[] { Parameters, RemittanceParameters })
            {
                foreach (var pair in map)
                {
                    var at = IndexOfWord(serviceMessage!, pair.Key);
                    if (at >= 0 && (best < 0 || at < best || (at == best && pair.Key.Length > parameter!.Length)))
                    {
                        best = at;
                        parameter = pair.Value;
                    }
                }
            }

            return parameter switch
            {
                null => null,
                "BankCountry" => "-BankCountry (which defaults to -Country)",
                "TargetCurrency" => "-TargetCurrency (which defaults to -SourceCurrency)",
                _ => "-" + parameter,
            };
        }

        private static int IndexOfWord(string text, string word)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '.';
                var after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
                if (before && after)
                {
                    return at;
                }
            }

            return -1;
        }

        /// <summary>"receiverInfo.firstName" → "FirstName"; fields without a parameter go in PayeeDetail.</summary>
        public static string ParameterFor(string field) => Parameters.TryGetValue(field, out var parameter) ? parameter : "PayeeDetail";
    }

    /// <summary>PayeeType words and the API's entityType codes.</summary>
    public static class EntityTypes
    {
        public static string Code(string payeeType) =>
            payeeType.Equals("Business", StringComparison.OrdinalIgnoreCase) || payeeType == "0" ? "0"
            : payeeType.Equals("Individual", StringComparison.OrdinalIgnoreCase) || payeeType == "1" ? "1" : payeeType;
    }
}
