using System;
using System.Collections.Generic;
using System.Text;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// Account numbers as people write them: spaces and dashes are dropped, anything else that is not a
    /// letter or digit is refused, and an IBAN must pass ISO 13616 (its country's length and mod 97), so a
    /// mistyped IBAN is refused before it costs a failed payout and a fee.
    /// </summary>
    public static class AccountNumber
    {
        // ISO 13616 registry: IBAN length per country.
        private static readonly Dictionary<string, int> IbanLengths = new Dictionary<string, int>(System.StringComparer.Ordinal)
        {
            ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
            ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
            ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
            ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
            ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32,
            ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
            ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
            ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
            ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23,
            ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
        };

        /// <summary>
        /// The last four characters of an account number, or of a masked one ("****3000" as a statement or the
        /// transaction list shows it): what the duplicate guard compares and what a masked payee shows. The one place
        /// an account's "last four" is taken.
        /// </summary>
        public static ReadOnlySpan<char> LastFour(ReadOnlySpan<char> account)
        {
            var shown = account.Slice(account.LastIndexOf('*') + 1);
            return shown.Length > 4 ? shown.Slice(shown.Length - 4) : shown;
        }

        /// <summary>The account number as it is sent, or null with <paramref name="problem"/> saying what is wrong.</summary>
        public static string? Normalize(string text, out string? problem)
        {
            problem = ExcelDamage(text);
            if (problem != null)
            {
                return null;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == ' ' || c == '-')
                {
                    continue;
                }

                if (!IsAsciiLetterOrDigit(c))
                {
                    problem = $"contains '{c}'; an account number is letters and digits (spaces and dashes are removed)";
                    return null;
                }

                builder.Append(c);
            }

            if (builder.Length == 0)
            {
                problem = "is empty";
                return null;
            }

            var value = builder.ToString();
            if (!LooksLikeIban(value, out var country))
            {
                return value;
            }

            var iban = value.ToUpperInvariant();
            var length = IbanLengths[country];
            if (iban.Length != length)
            {
                problem = $"looks like a {country} IBAN but has {iban.Length} characters; a {country} IBAN has {length}";
                return null;
            }

            if (Mod97(iban) != 1)
            {
                problem = "looks like an IBAN but its check digits do not match (ISO 13616 mod 97): a character is mistyped";
                return null;
            }

            return iban;
        }

        /// <summary>What Excel did to a long number typed into a cell, said as such; null when it looks untouched.</summary>
        public static string? ExcelDamage(string text)
        {
            var value = text.Trim();
            if (ScientificNotation.IsMatch(value))
            {
                return $"is '{value}', a number in Excel's scientific notation: Excel turned the account number into a number and dropped its last digits. " +
                       "Format the column as Text in Excel (or import it as Text) and type the account numbers again";
            }

            if (value.Length > 1 && value[0] == '\'')
            {
                return $"starts with an apostrophe ('{value}'), which Excel uses to keep a cell as text and which is not part of the number. Remove the apostrophe";
            }

            return null;
        }

        private static readonly System.Text.RegularExpressions.Regex ScientificNotation =
            new System.Text.RegularExpressions.Regex(@"^[0-9]+([.,][0-9]+)?E\+?[0-9]+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>The country an IBAN belongs to (its first two letters); null for other account numbers.</summary>
        public static string? IbanCountry(string normalized) => LooksLikeIban(normalized, out var country) ? country : null;

        /// <summary>Two letters of a country that uses IBANs, then two check digits.</summary>
        private static bool LooksLikeIban(string value, out string country)
        {
            country = value.Length >= 4 ? value.Substring(0, 2).ToUpperInvariant() : string.Empty;
            return value.Length >= 4 && char.IsLetter(value[0]) && char.IsLetter(value[1]) && char.IsDigit(value[2]) && char.IsDigit(value[3])
                && IbanLengths.ContainsKey(country);
        }

        /// <summary>The IBAN with its first four characters moved to the end and letters as 10–35, mod 97.</summary>
        private static int Mod97(string iban)
        {
            var rearranged = iban.Substring(4) + iban.Substring(0, 4);
            var remainder = 0;
            foreach (var c in rearranged)
            {
                var digits = c <= '9' ? c - '0' : c - 'A' + 10;
                remainder = digits >= 10 ? ((remainder * 100) + digits) % 97 : ((remainder * 10) + digits) % 97;
            }

            return remainder;
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
