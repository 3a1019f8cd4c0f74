using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using PayoutPS.Core.Input;

namespace PayoutPS.Core.Payouts
{
    /// <summary>A payee given in full: who, where, and which account (spec §3.2). Inline in a payout, or added as a beneficiary.</summary>
    public sealed class PayeeDetails
    {
        /// <summary>The methods of spec §3.3, with their aliases.</summary>
        public static readonly string[] PaymentMethods = { "BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP" };


        /// <summary>"0" business, "1" individual.</summary>
        public string EntityType { get; set; } = "1";

        public string PaymentMethod { get; set; } = "BANK_TRANSFER";

        public string? BankCountry { get; set; }

        /// <summary>receiverInfo: firstName/lastName or companyName, email, phone…</summary>
        public IDictionary<string, string?> ReceiverInfo { get; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>address: countryCode, city, addressLine1…</summary>
        public IDictionary<string, string?> Address { get; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>accountInfomation (sic): cardNumber, swiftCode, bankName, walletType, walletPhone, pickUpBank…</summary>
        public IDictionary<string, string?> Account { get; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        public string DisplayName =>
            EntityType == "0" ? Get(ReceiverInfo, "companyName") : (Get(ReceiverInfo, "firstName") + " " + Get(ReceiverInfo, "lastName")).Trim();

        public string? AccountNumber => Get(Account, "cardNumber");

        /// <summary>
        /// Checks the payee completely, naming the parameter at fault, and normalizes the account number.
        /// Returns the bank country (the address country unless given).
        /// </summary>
        public string Check()
        {
            if (EntityType != "0" && EntityType != "1")
            {
                Fail("PayeeType", $"'{EntityType}' must be Individual (1) or Business (0)");
            }

            if (EntityType == "0")
            {
                Require(ReceiverInfo, "companyName", "CompanyName", "a business payee");
                Forbid(ReceiverInfo, "firstName", "FirstName", "PayeeType Business is paid by its CompanyName; remove FirstName, or set PayeeType Individual");
                Forbid(ReceiverInfo, "lastName", "LastName", "PayeeType Business is paid by its CompanyName; remove LastName, or set PayeeType Individual");
            }
            else
            {
                Require(ReceiverInfo, "firstName", "FirstName", "an individual payee");
                Require(ReceiverInfo, "lastName", "LastName", "an individual payee");
                Forbid(ReceiverInfo, "companyName", "CompanyName", "an individual payee has no company name; set PayeeType Business to pay the company, or remove CompanyName");
            }

            Require(Account, "cardNumber", "AccountNumber", "every payee");
            Require(Address, "countryCode", "Country", "every payee");
            Require(Address, "city", "City", "every payee");
            Require(Address, "addressLine1", "AddressLine1", "every payee");
            Account["cardNumber"] = Input.AccountNumber.Normalize(Get(Account, "cardNumber"), out var accountProblem) ?? Fail("AccountNumber", accountProblem!);
            var country = Get(Address, "countryCode");
            if (CountryCodes.Problem(country) is string countryProblem)
            {
                Fail("Country", countryProblem);
            }

            // The account's own country, when the account number says it (an IBAN), must be the bank country given.
            var accountCountry = Input.AccountNumber.IbanCountry(Get(Account, "cardNumber"));
            if (accountCountry != null && BankCountry != null && BankCountry != accountCountry)
            {
                Fail("BankCountry", $"'{BankCountry}' disagrees with AccountNumber, a {accountCountry} IBAN (its first two letters are its bank's country); correct one of them");
            }

            var bankCountry = BankCountry ?? accountCountry ?? country;
            if (CountryCodes.Problem(bankCountry) is string bankCountryProblem)
            {
                Fail("BankCountry", bankCountryProblem);
            }

            if (Array.IndexOf(PaymentMethods, PaymentMethod) < 0)
            {
                Fail("PaymentMethod", $"'{PaymentMethod}' is not one of {string.Join(", ", PaymentMethods)}");
            }

            if (PaymentMethod == "SWIFT")
            {
                Require(Account, "swiftCode", "SwiftCode", "SWIFT payouts");
            }

            return bankCountry;
        }

        /// <summary>The non-empty values, as the JSON object the API wants.</summary>
        public static OrderedDictionary Compact(IDictionary<string, string?> values)
        {
            var result = new OrderedDictionary();
            foreach (var pair in values)
            {
                if (!string.IsNullOrEmpty(pair.Value))
                {
                    result.Add(pair.Key, pair.Value);
                }
            }

            return result;
        }

        internal static string Get(IDictionary<string, string?> values, string name) =>
            values.TryGetValue(name, out var value) && value != null ? value : string.Empty;

        private static void Require(IDictionary<string, string?> values, string field, string parameter, string who)
        {
            if (string.IsNullOrWhiteSpace(Get(values, field)))
            {
                Fail(parameter, $"is required for {who}");
            }
        }

        /// <summary>A field that contradicts the payee's type: which one the bank would use is not known.</summary>
        private static void Forbid(IDictionary<string, string?> values, string field, string parameter, string why)
        {
            if (!string.IsNullOrWhiteSpace(Get(values, field)))
            {
                Fail(parameter, $"is given, but {why}");
            }
        }

        private static string Fail(string parameter, string problem) => throw new PayoutRequestException($"{parameter} {problem}.", parameter);
    }
}
