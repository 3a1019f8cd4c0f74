using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// -PayerDetail and -PayeeDetail as people give them: a dictionary, or JSON text from a CSV column.
    /// Values must be single values (text, numbers, true/false), written culture-free; nested or array
    /// values are refused with the key named, and so is an empty detail, so nothing is dropped silently.
    /// </summary>
    public static class DetailInput
    {
        /// <summary>The three parts of an inline payee, under their API names.</summary>
        public static readonly IReadOnlyList<string> PayeeParts = new[] { "receiverInfo", "address", "accountInfomation" };

        /// <summary>A flat detail (a payer): key → text.</summary>
        public static SortedDictionary<string, string> Flat(object value, string field)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in Entries(value, field))
            {
                var text = pair.Value == null ? null : InputValue.ToText(Single(pair.Value, $"{field} key '{pair.Key}'"), $"{field} key '{pair.Key}'");
                if (!string.IsNullOrWhiteSpace(text))
                {
                    result[pair.Key] = InputValue.Clean($"{field} key '{pair.Key}'", text!, pair.Key);
                }
            }

            if (result.Count == 0)
            {
                throw new PayoutRequestException($"{field} is empty; give the payer's fields (companyName or firstName/lastName, countryCode…), or leave {field} out.", field);
            }

            return result;
        }

        /// <summary>A payee detail: receiverInfo, address and/or accountInfomation, each flat.</summary>
        public static Dictionary<string, SortedDictionary<string, string>> Payee(object value, string field)
        {
            var result = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var pair in Entries(value, field))
            {
                var part = PartName(pair.Key) ?? throw new PayoutRequestException(
                    $"{field} key '{pair.Key}' is not one of {string.Join(", ", PayeeParts)}; put each payee field inside one of them.", field);
                if (pair.Value != null)
                {
                    result[part] = Flat(pair.Value, $"{field}.{part}");
                }
            }

            if (result.Count == 0)
            {
                throw new PayoutRequestException($"{field} is empty; give receiverInfo, address or accountInfomation, or leave {field} out.", field);
            }

            return result;
        }

        private static string? PartName(string key)
        {
            foreach (var part in PayeeParts)
            {
                if (string.Equals(part, key, StringComparison.OrdinalIgnoreCase))
                {
                    return part;
                }
            }

            return string.Equals(key, "accountInformation", StringComparison.OrdinalIgnoreCase) ? "accountInfomation" : null;
        }

        private static IEnumerable<KeyValuePair<string, object?>> Entries(object value, string field)
        {
            switch (value)
            {
                case string json:
                    return JsonEntries(json, field);
                case JsonElement element:
                    return JsonEntries(element, field);
                case IDictionary dictionary:
                    var entries = new List<KeyValuePair<string, object?>>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        entries.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                    }

                    return entries;
                default:
                    throw new PayoutRequestException($"{field} must be a hashtable or JSON text such as '{{\"companyName\":\"Creator Ltd\"}}', not a {value.GetType().Name}.", field);
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> JsonEntries(string json, string field)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                throw new PayoutRequestException($"{field} is empty; give the fields, or leave {field} out.", field);
            }

            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    // Materialized while the document is alive.
                    return new List<KeyValuePair<string, object?>>(JsonEntries(document.RootElement.Clone(), field));
                }
            }
            catch (JsonException)
            {
                throw new PayoutRequestException($"{field} is not valid JSON; write it as '{{\"companyName\":\"Creator Ltd\",\"countryCode\":\"GB\"}}'.", field);
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> JsonEntries(JsonElement element, string field)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new PayoutRequestException($"{field} must be a JSON object ({{\"name\":\"value\", …}}), not {element.ValueKind}.", field);
            }

            // JSON allows a key twice and readers then keep one silently: which one reached the bank would be luck.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new PayoutRequestException($"{field} gives the key '{property.Name}' twice (keys are compared ignoring case); give each key once.", field.Split('.')[0]);
                }

                yield return new KeyValuePair<string, object?>(property.Name, property.Value);
            }
        }

        /// <summary>A JSON string's text; an escape that is half of a character ("\ud800") is the row's refusal, not the batch's end.</summary>
        private static string? StringOf(JsonElement element, string key)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json reads a lone surrogate escape without complaint and refuses it only when the string is taken.
                throw new PayoutRequestException($"{key} holds a \\u escape that is half of a character (a lone surrogate such as \\ud800): no bank can show it. " +
                                                 "Write the character itself, or both halves of its pair (\\ud83d\\ude00).", key.Split(' ')[0]);
            }
        }

        /// <summary>JSON values and dictionary values as single .NET values; nested values are refused.</summary>
        private static object? Single(object value, string key)
        {
            if (value is JsonElement element)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String: return StringOf(element, key);
                    case JsonValueKind.Number: return element.GetRawText(); // the digits as written, culture-free
                    case JsonValueKind.True: return "true";
                    case JsonValueKind.False: return "false";
                    case JsonValueKind.Null: return null;
                    default: value = element.ValueKind == JsonValueKind.Object ? (object)new Hashtable() : new ArrayList(); break;
                }
            }

            if (value is IDictionary || (value is IEnumerable && !(value is string)))
            {
                throw new PayoutRequestException($"{key} holds a nested {(value is IDictionary ? "object" : "list")}; each key takes a single value.", key.Split(' ')[0]);
            }

            return value;
        }
    }
}
