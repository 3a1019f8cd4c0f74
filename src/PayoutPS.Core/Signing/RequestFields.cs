using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Signing
{
    /// <summary>Builds the ordered field list of a request from name/value pairs.</summary>
    public static class RequestFields
    {
        public static IReadOnlyList<RequestField> FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            var fields = new List<RequestField>();
            foreach (var pair in pairs)
            {
                if (string.IsNullOrEmpty(pair.Key))
                {
                    throw new PayoutRequestException("A request field has an empty name; every field needs a name.");
                }

                fields.Add(new RequestField(pair.Key, FieldValues.ToWire(pair.Key, pair.Value)));
            }

            return EnsureUnique(fields);
        }

        /// <summary>Returns the fields with <paramref name="name"/> set to <paramref name="value"/> when it is absent or empty.</summary>
        public static IReadOnlyList<RequestField> WithDefault(IReadOnlyList<RequestField> fields, string name, string? value) =>
            string.IsNullOrEmpty(value) || !string.IsNullOrEmpty(Find(fields, name)) ? fields : With(fields, name, value!);

        /// <summary>Returns the fields with <paramref name="name"/> set to <paramref name="value"/>: replaced where it stands, or added last.</summary>
        public static IReadOnlyList<RequestField> With(IReadOnlyList<RequestField> fields, string name, string value)
        {
            var result = new List<RequestField>(fields.Count + 1);
            var replaced = false;
            foreach (var field in fields)
            {
                replaced |= field.Name == name;
                result.Add(field.Name == name ? new RequestField(name, value) : field);
            }

            if (!replaced)
            {
                result.Add(new RequestField(name, value));
            }

            return result;
        }

        public static string? Find(IReadOnlyList<RequestField> fields, string name)
        {
            foreach (var field in fields)
            {
                if (field.Name == name)
                {
                    return field.Value;
                }
            }

            return null;
        }

        internal static IReadOnlyList<RequestField> EnsureUnique(List<RequestField> fields)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (!seen.Add(field.Name))
                {
                    throw new PayoutRequestException($"Field '{field.Name}' appears twice; a request may name each field once.");
                }
            }

            return fields;
        }
    }
}
