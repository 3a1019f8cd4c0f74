using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>
    /// The currencies the sandbox serves (those of its FX table) and its own amount rules (spec §3.4), kept
    /// apart from the client library's on purpose: the judge must not share the defendant's bugs.
    /// </summary>
    internal static class Currencies
    {
        // ISO 4217 minor units; every currency not listed has two.
        private static readonly Dictionary<string, int> Exponents = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0, ["RWF"] = 0,
            ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
            ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        };

        private static readonly Regex Plain = new Regex(@"^\d{1,15}(\.\d+)?$", RegexOptions.CultureInvariant);

        public static bool IsKnown(string code) => FxTable.Serves(code);

        public static int Exponent(string code) => Exponents.TryGetValue(code, out var exponent) ? exponent : 2;

        /// <summary>A positive decimal with at most the currency's decimals; null with the reason otherwise.</summary>
        public static decimal? ParseAmount(string text, string currency, out string? problem)
        {
            problem = null;
            if (!Plain.IsMatch(text))
            {
                problem = text.Contains(',') ? $"'{text}' contains a comma" : $"'{text}' is not a plain positive number";
                return null;
            }

            var dot = text.IndexOf('.');
            var decimals = dot < 0 ? 0 : text.Length - dot - 1;
            if (decimals > Exponent(currency))
            {
                problem = $"'{text}' has {decimals} decimals but {currency} allows {Exponent(currency)}";
                return null;
            }

            var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (value <= 0)
            {
                problem = $"'{text}' is zero";
                return null;
            }

            return value;
        }

        public static string Format(decimal amount, string currency) =>
            Math.Round(amount, Exponent(currency), MidpointRounding.ToEven).ToString("F" + Exponent(currency), CultureInfo.InvariantCulture);

        public static decimal RoundDown(decimal amount, string currency)
        {
            var factor = Pow10(Exponent(currency));
            return Math.Floor(amount * factor) / factor;
        }

        public static decimal RoundUp(decimal amount, string currency)
        {
            var factor = Pow10(Exponent(currency));
            return Math.Ceiling(amount * factor) / factor;
        }

        private static decimal Pow10(int exponent)
        {
            decimal result = 1;
            for (var i = 0; i < exponent; i++)
            {
                result *= 10;
            }

            return result;
        }
    }
}
