using System;
using System.Globalization;

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

                if (char.IsHighSurrogate(c))
                {
                    i++;
                }
            }
        }

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
