using System;
using System.Globalization;
using PayoutPS.Core.Money;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>The currencies the sandbox serves (those of its FX table), with amount rules shared with the client.</summary>
    internal static class Currencies
    {
        public static bool IsKnown(string code) => FxTable.Serves(code);

        public static int Exponent(string code) => Core.Money.Currencies.Exponent(code);

        /// <summary>Parses an amount by the same rules as the client; null with a reason otherwise.</summary>
        public static decimal? ParseAmount(string text, string currency, out string? problem)
        {
            var normalized = Amount.Normalize(text, currency, out problem);
            return normalized == null ? (decimal?)null : decimal.Parse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
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
