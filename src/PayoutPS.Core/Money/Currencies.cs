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

        public static bool IsCode(string? code) => code != null && Code.IsMatch(code);

        public static int Exponent(string code) => NonTwo.TryGetValue(code, out var exponent) ? exponent : 2;
    }
}
