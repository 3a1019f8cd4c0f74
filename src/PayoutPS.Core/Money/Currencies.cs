using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PayoutPS.Core.Money
{
    /// <summary>ISO 4217 minor-unit exponents: how many decimals an amount in a currency may have.</summary>
    public static class Currencies
    {
        // Every currency not listed has two decimals.
        private static readonly Dictionary<string, int> NonTwo = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
            ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0,
            ["XPF"] = 0, ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
            ["CLF"] = 4, ["UYW"] = 4,
        };

        private static readonly Regex Code = new Regex("^[A-Z]{3}$", RegexOptions.CultureInvariant);

        // Writings people use that are not ISO 4217 codes, and the code they mean; and codes of no money to pay in.
        private static readonly Dictionary<string, string> Meant = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["RMB"] = "CNY", ["US$"] = "USD", ["$"] = "USD", ["USDOLLAR"] = "USD", ["EURO"] = "EUR", ["EUROS"] = "EUR", ["€"] = "EUR",
            ["£"] = "GBP", ["STG"] = "GBP", ["UKP"] = "GBP", ["¥"] = "JPY", ["YEN"] = "JPY", ["NIS"] = "ILS", ["SFR"] = "CHF", ["YTL"] = "TRY",
        };

        private static readonly HashSet<string> NoMoney = new HashSet<string>(StringComparer.Ordinal)
        {
            "XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
        };

        /// <summary>Three capitals that are a currency to pay in: not a writing of another code (RMB), not a metal, test or "no currency" code (XXX).</summary>
        public static bool IsCode(string? code) => code != null && Code.IsMatch(code) && !Meant.ContainsKey(code) && !NoMoney.Contains(code);

        /// <summary>Why <paramref name="code"/> is no currency code, with the code meant when it is a known other writing; null when it is one.</summary>
        public static string? Problem(string? code)
        {
            if (IsCode(code))
            {
                return null;
            }

            var text = code?.Trim() ?? string.Empty;
            if (Meant.TryGetValue(text, out var meant))
            {
                return $"'{code}' is not an ISO 4217 currency code; write {meant}";
            }

            if (NoMoney.Contains(text.ToUpperInvariant()))
            {
                return $"'{code}' is an ISO 4217 code for no money to pay in (a test, metal or \"no currency\" code); write the payout's currency, such as USD";
            }

            return text.Length == 0 ? "is required: write an ISO 4217 code such as USD"
                : Code.IsMatch(text.ToUpperInvariant()) ? $"'{code}' must be an ISO 4217 code in capitals: {text.ToUpperInvariant()}"
                : $"'{code}' is not an ISO 4217 currency code (three capitals, such as USD)";
        }

        public static int Exponent(string code) => NonTwo.TryGetValue(code, out var exponent) ? exponent : 2;
    }
}
