using System;
using System.Collections.Generic;
using System.Text;

namespace PayoutPS.Core.Signing
{
    /// <summary>
    /// Builds the string that is signed (spec §2.1): every field except <c>sign</c> and the caller's
    /// exclusions, null and "" dropped, sorted by name in ordinal order, values concatenated.
    /// </summary>
    public static class CanonicalString
    {
        public const string SignFieldName = "sign";

        public static string Build(IReadOnlyList<RequestField> fields, ICollection<string>? excluded = null)
        {
            var signed = new List<RequestField>(fields.Count);
            foreach (var field in fields)
            {
                if (IsSigned(field, excluded))
                {
                    signed.Add(field);
                }
            }

            // Ordinal, never culture: "test1" < "test3" < "Z" ordering must not depend on tr-TR or de-DE.
            signed.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

            var length = 0;
            foreach (var field in signed)
            {
                length += field.Value!.Length;
            }

            var builder = new StringBuilder(length);
            foreach (var field in signed)
            {
                builder.Append(field.Value);
            }

            return builder.ToString();
        }

        private static bool IsSigned(RequestField field, ICollection<string>? excluded)
        {
            if (string.IsNullOrEmpty(field.Value) || field.Name == SignFieldName)
            {
                return false;
            }

            return excluded == null || !excluded.Contains(field.Name);
        }
    }
}
