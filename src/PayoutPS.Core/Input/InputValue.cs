using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// One input value as text, culture-free: what a CSV cell, a JSON number or a typed literal means.
    /// Text that cannot be what the operator wrote (a mis-decoded file, a control character) is refused.
    /// </summary>
    public static class InputValue
    {
        /// <summary>
        /// Strings stay as they are; integers and decimals become invariant text; a double becomes its shortest
        /// round-trip text, so a typed 12.5 is "12.5" and a computed 0.1 + 0.2 is "0.30000000000000004" (which
        /// the currency's decimal rule then refuses). Null for null; anything else is refused.
        /// </summary>
        public static string? ToText(object? value, string field)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case double number:
                    return Finite(number, field).ToString("R", CultureInfo.InvariantCulture);
                case float number:
                    return ((double)Finite(number, field)).ToString("R", CultureInfo.InvariantCulture);
                case decimal number:
                    return number.ToString(CultureInfo.InvariantCulture);
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                case ushort _:
                case sbyte _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                case bool flag:
                    return flag ? "true" : "false";
                default:
                    throw new PayoutRequestException($"{field} must be a single value such as text or a number, not a {value.GetType().Name}.", field);
            }
        }

        /// <summary>
        /// The text as it is signed: trimmed and in Unicode NFC (a decomposed "u" + combining diaeresis becomes
        /// "ü", which is how it displays). Text that no bank should receive is refused, saying how to fix it;
        /// <paramref name="limitKey"/> names the field in <see cref="FieldLimits"/> (the field itself when null).
        /// </summary>
        public static string Clean(string field, string text, string? limitKey = null)
        {
            CheckText(field, text);
            var clean = text.Trim();
            if (!clean.IsNormalized(NormalizationForm.FormC))
            {
                clean = clean.Normalize(NormalizationForm.FormC);
            }

            FieldLimits.Check(field, limitKey ?? field, clean);
            return clean;
        }

        /// <summary>Refuses text that no bank should receive, saying how to fix the file it came from.</summary>
        public static void CheckText(string field, string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\uFFFD')
                {
                    throw new PayoutRequestException(
                        $"{field} contains '\uFFFD', a character that could not be decoded: the file was not read in its own encoding. " +
                        "Save it from Excel as \"CSV UTF-8\", or read it with Import-Csv -Encoding and the file's encoding (for example -Encoding 1252 for a Windows Excel export).", field);
                }

                if (char.IsControl(c))
                {
                    throw new PayoutRequestException(
                        $"{field} contains a control character (U+{(int)c:X4}, such as a line break, tab or NUL); a bank field is one line of text. Fix the cell in the file.", field);
                }

                if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                {
                    throw new PayoutRequestException($"{field} contains a broken character (a lone UTF-16 surrogate); the text was damaged before it reached PayoutPS.", field);
                }

                if (IsHidden(text, i))
                {
                    throw new PayoutRequestException(
                        $"{field} contains U+{(int)c:X4} ({HiddenName(c)}), a character that is invisible or changes the direction of the text around it: " +
                        "what the bank shows would not be what you see. Retype the value in the file without it.", field);
                }

                if (char.IsHighSurrogate(c))
                {
                    i++;
                }
            }

            var garbled = text.IndexOfAny(DoubleDecodedLeads) < 0 ? Match.Empty : DoubleDecoded.Match(text); // the regex only where it can match
            if (garbled.Success)
            {
                throw new PayoutRequestException(
                    $"{field} '{text.Trim()}' contains '{garbled.Value}', which is how UTF-8 text looks when it is read as Windows-1252 (ü becomes Ã¼): " +
                    "the file is UTF-8. Read it as UTF-8 (leave out -Encoding, or Import-Csv -Encoding utf8); if the file itself holds this text, correct it there.", field);
            }
        }

        /// <summary>
        /// Format characters (Unicode category Cf: zero-width spaces, direction marks and overrides, the BOM, soft
        /// hyphens) are invisible. A zero-width joiner or non-joiner between two letters is kept: scripts such as
        /// Persian and Devanagari spell words with them.
        /// </summary>
        private static bool IsHidden(string text, int i)
        {
            var c = text[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }

            var joiner = c == '\u200C' || c == '\u200D';
            return !(joiner && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]));
        }

        private static string HiddenName(char c)
        {
            switch (c)
            {
                case '\u200B': return "zero-width space";
                case '\u200C': return "zero-width non-joiner";
                case '\u200D': return "zero-width joiner";
                case '\u200E': return "left-to-right mark";
                case '\u200F': return "right-to-left mark";
                case '\u00AD': return "soft hyphen";
                case '\uFEFF': return "zero-width no-break space, or a byte-order mark";
                default: return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' ? "a direction override or isolate" : "an invisible format character";
            }
        }

        private static readonly char[] DoubleDecodedLeads = { '\u00C2', '\u00C3', '\u00E2' };

        /// <summary>A UTF-8 lead byte read as Windows-1252 (Â or Ã for Latin letters, â€ for quotes, dashes and €) followed by a continuation byte read the same way.</summary>
        private static readonly Regex DoubleDecoded = new Regex(
            "[\u00C2\u00C3][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|\u00E2\u20AC",
            RegexOptions.CultureInvariant);

        private static double Finite(double number, string field)
        {
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw new PayoutRequestException($"{field} is {number.ToString(CultureInfo.InvariantCulture)}, which is not an amount.", field);
            }

            return number;
        }
    }
}
