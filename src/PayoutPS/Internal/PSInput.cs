using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Json;
using PayoutPS.Core.Signing;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Turns what a PowerShell user passes (hashtable, ordered dictionary, PSCustomObject, JSON text)
    /// into request fields. PowerShell wrappers are removed here so Core never sees a PowerShell type.
    /// </summary>
    internal static class PSInput
    {
        public static IReadOnlyList<RequestField> ToFields(object? input)
        {
            var value = Unwrap(input);
            switch (value)
            {
                case null:
                    throw new PayoutRequestException("The request is empty; pass a hashtable, a PSCustomObject or JSON text.");
                case string json:
                    return PayoutJson.ReadFields(json);
                case IDictionary dictionary:
                    return RequestFields.FromPairs(DictionaryPairs(dictionary));
                case PSObject custom:
                    return RequestFields.FromPairs(PropertyPairs(custom));
                default:
                    throw new PayoutRequestException(
                        $"A request of type {value.GetType().FullName} cannot be signed; pass a hashtable, an ordered dictionary, a PSCustomObject or JSON text.");
            }
        }

        /// <summary>Removes PSObject wrappers; a PSCustomObject stays a PSObject so its properties can be read.</summary>
        private static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject))
            {
                return wrapped.BaseObject;
            }

            return value;
        }

        private static IEnumerable<KeyValuePair<string, object?>> DictionaryPairs(IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var name = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                yield return new KeyValuePair<string, object?>(name, Plain(entry.Value));
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> PropertyPairs(PSObject custom)
        {
            foreach (var property in custom.Properties)
            {
                yield return new KeyValuePair<string, object?>(property.Name, Plain(property.Value));
            }
        }

        /// <summary>Nested values as plain .NET: PSCustomObject becomes an ordered dictionary, arrays lists.</summary>
        public static object? Plain(object? value)
        {
            var unwrapped = Unwrap(value);
            switch (unwrapped)
            {
                case PSObject custom:
                    var ordered = new OrderedDictionary();
                    foreach (var pair in PropertyPairs(custom))
                    {
                        ordered.Add(pair.Key, pair.Value);
                    }

                    return ordered;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary();
                    foreach (var pair in DictionaryPairs(dictionary))
                    {
                        copy.Add(pair.Key, pair.Value);
                    }

                    return copy;
                case string _:
                    return unwrapped;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items)
                    {
                        list.Add(Plain(item));
                    }

                    return list;
                default:
                    return unwrapped;
            }
        }
    }
}
