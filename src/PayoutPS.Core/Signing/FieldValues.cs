using System;
using System.Collections;
using System.Globalization;
using PayoutPS.Core.Json;

namespace PayoutPS.Core.Signing
{
    /// <summary>Converts .NET values to the exact text that is signed and sent, independent of the current culture.</summary>
    public static class FieldValues
    {
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>The wire text of a top-level field: scalars as invariant text, objects and lists as JSON strings.</summary>
        public static string? ToWire(string fieldName, object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case IDictionary _:
                case IEnumerable _:
                    return PayoutJson.SerializeNested(value, fieldName);
                default:
                    return ScalarToWire(fieldName, value);
            }
        }

        internal static string ScalarToWire(string fieldName, object value)
        {
            switch (value)
            {
                case string text:
                    return text;
                case bool flag:
                    return flag ? "true" : "false";
                case double _:
                case float _:
                    throw new PayoutRequestException(
                        $"Field '{fieldName}' is a floating-point number ({Convert.ToString(value, CultureInfo.InvariantCulture)}), which cannot hold money exactly; " +
                        "pass it as a string such as '12.50' or as a [decimal].");
                case decimal amount:
                    return amount.ToString(CultureInfo.InvariantCulture);
                case DateTime time when time.Kind == DateTimeKind.Unspecified:
                    // [datetime]'2026-11-29 10:00' has no zone: signing it as UTC or as local time would both be a guess.
                    throw new PayoutRequestException(
                        $"Field '{fieldName}' is a time without a zone ({time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}); the API's times are UTC. " +
                        "Give (Get-Date).ToUniversalTime(), [datetime]::SpecifyKind($time, 'Utc') for a UTC time, or the text 'yyyy-MM-dd HH:mm:ss' in UTC.");
                case DateTime time:
                    return time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture); // a local time is converted, not relabelled
                case DateTimeOffset time:
                    return time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
                case Enum named:
                    return named.ToString();
                case IFormattable number when IsInteger(value):
                    return number.ToString(null, CultureInfo.InvariantCulture);
                case char character:
                    return character.ToString();
                default:
                    throw new PayoutRequestException(
                        $"Field '{fieldName}' has a value of type {value.GetType().FullName} that cannot be sent; use a string, an integer, a decimal, or a hashtable for nested objects.");
            }
        }

        private static bool IsInteger(object value) =>
            value is int || value is long || value is short || value is byte || value is sbyte ||
            value is uint || value is ulong || value is ushort || value is System.Numerics.BigInteger;
    }
}
