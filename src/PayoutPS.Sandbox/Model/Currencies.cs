using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>ISO 4217 currencies the sandbox serves, with their minor-unit exponents, and amount parsing.</summary>
    internal static class Currencies
    {
        private static readonly Dictionary<string, int> Exponents = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["AUD"] = 2, ["CAD"] = 2,
            ["CHF"] = 2, ["INR"] = 2, ["PHP"] = 2, ["MXN"] = 2, ["BRL"] = 2, ["AED"] = 2, ["SAR"] = 2, ["THB"] = 2,
            ["MYR"] = 2, ["IDR"] = 2, ["NGN"] = 2, ["KES"] = 2, ["ZAR"] = 2, ["TRY"] = 2, ["PLN"] = 2, ["SEK"] = 2,
            ["NOK"] = 2, ["DKK"] = 2, ["NZD"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["ILS"] = 2, ["EGP"] = 2, ["PKR"] = 2,
            ["BDT"] = 2, ["COP"] = 2, ["PEN"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["KWD"] = 3,
            ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
        };

        private static readonly Regex AmountShape = new Regex(@"^(0|[1-9][0-9]{0,14})(\.[0-9]+)?$", RegexOptions.CultureInvariant);

        public static bool IsKnown(string code) => Exponents.ContainsKey(code);

        public static int Exponent(string code) => Exponents[code];

        /// <summary>Parses a positive amount written with '.' and at most the currency's decimals; null with a reason otherwise.</summary>
        public static decimal? ParseAmount(string text, string currency, out string? problem)
        {
            problem = null;
            if (!AmountShape.IsMatch(text))
            {
                problem = "must be a positive decimal written with digits and an optional '.', such as 100.00";
                return null;
            }

            var dot = text.IndexOf('.');
            var decimals = dot < 0 ? 0 : text.Length - dot - 1;
            if (decimals > Exponent(currency))
            {
                problem = $"has {decimals} decimals but {currency} allows {Exponent(currency)}";
                return null;
            }

            var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (value <= 0)
            {
                problem = "must be greater than zero";
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
