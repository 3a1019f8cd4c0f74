using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// The longest text each field may hold, in characters. The API documents only requestId (32) and reference
    /// (256); every other limit here is our decision (README, "Input rules"): generous for real names and
    /// addresses, short enough that a pasted paragraph or a whole CSV line in one cell is caught before it is
    /// signed. A bank would cut such text, or refuse the payout after it has cost a fee.
    /// </summary>
    public static class FieldLimits
    {
        /// <summary>For fields not listed.</summary>
        public const int Default = 256;

        private static readonly Dictionary<string, int> Limits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["RequestId"] = 32, ["Reference"] = 256,
            ["FirstName"] = 64, ["LastName"] = 64, ["CompanyName"] = 128, ["BankHolderName"] = 128,
            ["Email"] = 128, ["Phone"] = 32, ["AreaCode"] = 8, ["VatNumber"] = 32, ["IdentityType"] = 32,
            ["Country"] = 2, ["CountryCode"] = 2, ["BankCountry"] = 2, ["State"] = 64, ["City"] = 64, ["TownName"] = 64,
            ["AddressLine1"] = 128, ["AddressLine2"] = 128, ["AddressLine3"] = 128, ["PostalCode"] = 16,
            ["AccountNumber"] = 34, ["CardNumber"] = 34, ["BankName"] = 128, ["SwiftCode"] = 11, ["SortCode"] = 16, ["BranchCode"] = 32,
            ["WalletType"] = 32, ["WalletPhone"] = 32,
        };

        private static readonly HashSet<string> CountryKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Country", "CountryCode", "BankCountry" };

        /// <summary>The limit for a field, by its PayoutPS or API name.</summary>
        public static int Of(string key) => Limits.TryGetValue(key, out var limit) ? limit : Default;

        /// <summary>Refuses text longer than its field's limit, counting characters as people see them.</summary>
        public static void Check(string field, string key, string text)
        {
            var limit = Of(key);
            if (text.Length <= limit)
            {
                return;
            }

            var length = new StringInfo(text).LengthInTextElements;
            if (length > limit && CountryKeys.Contains(key) && Payouts.CountryCodes.Problem(text) is string country)
            {
                throw new PayoutRequestException($"{field} {country}.", field); // "USA" is no long text but a country written otherwise
            }

            if (length > limit)
            {
                throw new PayoutRequestException(
                    $"{field} is {length} characters long; at most {limit} are allowed. Shorten it in the file (is a whole line, or a note, in this cell?).", field);
            }
        }
    }
}
