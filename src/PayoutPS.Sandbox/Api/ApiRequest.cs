using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>A request field failed validation; the pipeline answers 13001 with this message.</summary>
    internal sealed class FieldException : Exception
    {
        public FieldException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// A parsed, authenticated request. The accessors validate as they read, so each handler states its
    /// field rules in the order the spec lists them, and the first broken rule names its field.
    /// </summary>
    internal sealed class ApiRequest
    {
        private static readonly Regex DigitsOnly = new Regex("^[0-9]+$", RegexOptions.CultureInvariant);

        public ApiRequest(Merchant merchant, IReadOnlyDictionary<string, string> fields)
        {
            Merchant = merchant;
            Fields = fields;
        }

        public Merchant Merchant { get; }

        public IReadOnlyDictionary<string, string> Fields { get; }

        /// <summary>Set by the listDelay fault: the transaction list does not show payouts this young yet.</summary>
        public System.TimeSpan? ListHidesNewerThan { get; set; }

        public string Required(string name, int maxLength = 64)
        {
            var value = Optional(name, maxLength);
            if (value == null)
            {
                var wrongCase = Fields.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                throw new FieldException(wrongCase == null
                    ? $"{name} is required."
                    : $"{name} is required (field names are case-sensitive: got '{wrongCase}').");
            }

            return value;
        }

        public string? Optional(string name, int maxLength = 64)
        {
            if (!Fields.TryGetValue(name, out var value) || value.Length == 0)
            {
                return null;
            }

            if (value.Length > maxLength)
            {
                throw new FieldException($"{name} is {value.Length} characters long; at most {maxLength} are allowed.");
            }

            return value;
        }

        public string Country(string name) => Check(Required(name, 2), name, Countries.IsKnown, "an ISO 3166-1 alpha-2 country code such as DE");

        public string Currency(string name) => Check(Required(name, 3), name, Currencies.IsKnown, "an ISO 4217 currency code the sandbox serves, such as USD");

        public string OneOf(string name, params string[] allowed) => CheckOneOf(name, Required(name), allowed);

        public string? OptionalOneOf(string name, params string[] allowed)
        {
            var value = Optional(name);
            return value == null ? null : CheckOneOf(name, value, allowed);
        }

        /// <summary>A 19-digit id, sent as a string so it never passes through a double.</summary>
        public string Id(string name) => Check(Required(name, 19), name, v => DigitsOnly.IsMatch(v), "digits only (a 19-digit id as a string)");

        public string? OptionalId(string name)
        {
            var value = Optional(name, 19);
            return value == null ? null : Check(value, name, v => DigitsOnly.IsMatch(v), "digits only (a 19-digit id as a string)");
        }

        public decimal Amount(string name, string currency)
        {
            var amount = Currencies.ParseAmount(Required(name, 20), currency, out var problem);
            if (amount == null)
            {
                throw new FieldException($"{name} {problem}.");
            }

            return amount.Value;
        }

        public DateTime Time(string name)
        {
            var text = Required(name, 19);
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                throw new FieldException($"{name} '{text}' is not a time in the form yyyy-MM-dd HH:mm:ss.");
            }

            return time;
        }

        public DateTime? OptionalTime(string name) => Optional(name, 19) == null ? (DateTime?)null : Time(name);

        public int Page(string name, int max)
        {
            var text = Required(name, 6);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
            {
                throw new FieldException($"{name} must be a whole number from 1 to {max}.");
            }

            return value;
        }

        /// <summary>A nested object sent as a JSON string (receiverInfo, address, accountInfomation, payerDetail).</summary>
        public Dictionary<string, string> JsonObject(string name) => ParseJsonObject(name, Required(name, 8192));

        public Dictionary<string, string>? OptionalJsonObject(string name)
        {
            var text = Optional(name, 8192);
            return text == null ? null : ParseJsonObject(name, text);
        }

        private static Dictionary<string, string> ParseJsonObject(string name, string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FieldException($"{name} must be a JSON object written as a string.");
                }

                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        result[property.Name] = property.Value.GetString()!;
                    }
                    else if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        throw new FieldException($"{name}.{property.Name} must be a string.");
                    }
                }

                return result;
            }
            catch (JsonException)
            {
                throw new FieldException($"{name} is not valid JSON; send the object serialized as a string.");
            }
        }

        private static string CheckOneOf(string name, string value, string[] allowed) =>
            Check(value, name, v => Array.IndexOf(allowed, v) >= 0, "one of " + string.Join(", ", allowed));

        private static string Check(string value, string name, Func<string, bool> isValid, string expected)
        {
            if (!isValid(value))
            {
                throw new FieldException($"{name} '{value}' is invalid: expected {expected}.");
            }

            return value;
        }
    }
}
