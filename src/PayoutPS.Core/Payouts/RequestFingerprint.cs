using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Payouts
{
    /// <summary>
    /// A hash of a payout's content: every field name and value in ordinal order, except the requestId (the
    /// key it is filed under) and merchantNo. Two rows with one requestId are the same payout only when their
    /// fingerprints agree; a journal stores it instead of the row, so it holds no account number.
    /// </summary>
    public static class RequestFingerprint
    {
        [ThreadStatic]
        private static SHA256? _sha; // one per thread: creating one per row of a large batch is measurable
        /// <summary>SHA-256 over "name=value\n" lines, lowercase hex.</summary>
        public static string Of(IReadOnlyList<RequestField> fields)
        {
            var sorted = new List<RequestField>(fields);
            sorted.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var builder = new StringBuilder();
            foreach (var field in sorted)
            {
                if (!string.IsNullOrEmpty(field.Value) && field.Name != "requestId" && field.Name != "merchantNo")
                {
                    builder.Append(field.Name).Append('=').Append(field.Value!.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
                }
            }

            var sha = _sha ?? (_sha = SHA256.Create());
            return Hex.ToLower(sha.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString())));
        }
    }
}
