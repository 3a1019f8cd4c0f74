using System.Text.RegularExpressions;

namespace PayoutPS.Core.Money
{
    /// <summary>
    /// Culture-safe amount parsing. Only digits with an optional '.' and at most the currency's decimals are
    /// accepted, because PowerShell reads "1,50" as 150: a German export must fail loudly, never pay 100×.
    /// </summary>
    public static class Amount
    {
        private static readonly Regex Shape = new Regex(@"^[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The amount in the currency's canonical form (spec §3.4), exactly as it will be sent and signed:
        /// no leading zeros, exactly the currency's decimals ("100" USD → "100.00", "007.50" → "7.50", JPY
        /// never with a point). Null with <paramref name="problem"/> saying why.
        /// </summary>
        public static string? Normalize(string? text, string currency, out string? problem)
        {
            problem = null;
            var value = text?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                problem = "is empty";
                return null;
            }

            if (!Shape.IsMatch(value))
            {
                problem = value.Contains(",")
                    ? $"'{value}' contains a comma; write amounts with digits and a '.' decimal point only, such as 1234.56"
                    : $"'{value}' is not a plain positive number; write digits with an optional '.' decimal point, such as 1234.56";
                return null;
            }

            var dot = value.IndexOf('.');
            var decimals = dot < 0 ? 0 : value.Length - dot - 1;
            var exponent = Currencies.Exponent(currency);
            if (decimals > exponent)
            {
                problem = $"'{value}' has {decimals} decimals but {currency} allows {exponent}";
                return null;
            }

            var digits = value.Replace(".", string.Empty).TrimStart('0');
            if (digits.Length == 0)
            {
                problem = $"'{value}' is zero; a payout needs a positive amount";
                return null;
            }

            var integerDigits = (dot < 0 ? value : value.Substring(0, dot)).TrimStart('0');
            if (integerDigits.Length > 15)
            {
                problem = $"'{value}' is too large";
                return null;
            }

            var fraction = dot < 0 ? string.Empty : value.Substring(dot + 1);
            var integer = integerDigits.Length == 0 ? "0" : integerDigits;
            return exponent == 0 ? integer : integer + "." + fraction.PadRight(exponent, '0');
        }
    }
}
