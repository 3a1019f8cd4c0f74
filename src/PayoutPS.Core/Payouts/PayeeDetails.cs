using System.Collections.Generic;

namespace PayoutPS.Core.Payouts
{
    /// <summary>An inline payee for the v2 remittance: who, where, and which account (spec §3.2).</summary>
    public sealed class PayeeDetails
    {
        /// <summary>"0" business, "1" individual.</summary>
        public string EntityType { get; set; } = "1";

        public string PaymentMethod { get; set; } = "BANK_TRANSFER";

        public string? BankCountry { get; set; }

        /// <summary>receiverInfo: firstName/lastName or companyName, email, phone…</summary>
        public IDictionary<string, string?> ReceiverInfo { get; } = new SortedDictionary<string, string?>(System.StringComparer.Ordinal);

        /// <summary>address: countryCode, city, addressLine1…</summary>
        public IDictionary<string, string?> Address { get; } = new SortedDictionary<string, string?>(System.StringComparer.Ordinal);

        /// <summary>accountInfomation (sic): cardNumber, swiftCode, bankName…</summary>
        public IDictionary<string, string?> Account { get; } = new SortedDictionary<string, string?>(System.StringComparer.Ordinal);

        public string DisplayName =>
            EntityType == "0" ? Get(ReceiverInfo, "companyName") : (Get(ReceiverInfo, "firstName") + " " + Get(ReceiverInfo, "lastName")).Trim();

        public string? AccountNumber => Get(Account, "cardNumber");

        internal static string Get(IDictionary<string, string?> values, string name) =>
            values.TryGetValue(name, out var value) && value != null ? value : string.Empty;
    }
}
