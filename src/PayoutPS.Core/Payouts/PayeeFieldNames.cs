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
