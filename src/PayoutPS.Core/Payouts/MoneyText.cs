using System;
using System.Globalization;

namespace PayoutPS.Core.Payouts
{
    /// <summary>Amounts and currencies as the service writes them, compared as what they mean: 100.0 is 100.00, usd is USD.</summary>
    public static class MoneyText
    {
        /// <summary>
        /// A plain decimal amount as the service writes it (digits and a point, whatever the current culture; a leading
        /// sign only with <paramref name="allowSign"/>, as ledger entries have); null for anything else. The one place
        /// an amount's text becomes a number.
        /// </summary>
        public static decimal? Parse(string? text, bool allowSign = false) =>
            decimal.TryParse(text, allowSign ? NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign : NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value : (decimal?)null;

        /// <summary>An amount for people (reports, views): invariant, thousands separated, at least two decimals (1,234.50).</summary>
        public static string Show(decimal amount) => amount.ToString("#,0.00##", CultureInfo.InvariantCulture);

        /// <summary>
        /// An amount in a table column: invariant, thousands separated, with exactly the decimals it was written with
        /// (120,000 JPY, 4,800.00 EUR, 10.000 KWD); text that is no amount stays as it is.
        /// </summary>
        public static string? Column(string? text) => Parse(text, allowSign: true) is decimal value ? Column(value) : text;

        /// <inheritdoc cref="Column(string)"/>
        public static string? Column(decimal? amount)
        {
            if (amount is not decimal value)
            {
                return null;
            }

            var scale = (decimal.GetBits(value)[3] >> 16) & 0xFF;
            return value.ToString(scale == 0 ? "#,0" : "#,0." + new string('0', scale), CultureInfo.InvariantCulture);
        }

        /// <summary>Both amounts are plain decimals with the same value.</summary>
        public static bool SameAmount(string? a, string? b) => Parse(a) is decimal x && Parse(b) is decimal y && x == y;

        /// <summary>The same currency code, whatever its case.</summary>
        public static bool SameCurrency(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>The same amount in the same currency; a currency one side does not give is not held against it.</summary>
        public static bool Same(string? amount, string? currency, string? otherAmount, string? otherCurrency) =>
            (currency == null || otherCurrency == null || SameCurrency(currency, otherCurrency)) && SameAmount(amount, otherAmount);
    }
}
