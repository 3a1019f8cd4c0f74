using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// RequestIds for rows that have none, derived instead of invented: SHA-256 over the batch id, the row's
    /// content hash and its occurrence number among identical rows, as 32 hex characters (the API's limit).
    /// A rerun with the same journal (same batch id) derives the same ids, so it finds what it paid; two
    /// identical legitimate rows get occurrences 1 and 2, and stay two payouts.
    /// </summary>
    public sealed class GeneratedRequestIds
    {
        private readonly string _batchId;
        private readonly Dictionary<string, int> _occurrences = new Dictionary<string, int>(System.StringComparer.Ordinal);

        public GeneratedRequestIds(string batchId) => _batchId = batchId;

        public string Next(string contentHash)
        {
            _occurrences.TryGetValue(contentHash, out var seen);
            _occurrences[contentHash] = ++seen;
            return Derive(_batchId, contentHash, seen);
        }

        public static string Derive(string batchId, string contentHash, int occurrence)
        {
            using (var sha = SHA256.Create())
            {
                var text = batchId + "\n" + contentHash + "\n" + occurrence.ToString(CultureInfo.InvariantCulture);
                return Hex.ToLower(sha.ComputeHash(Encoding.UTF8.GetBytes(text))).Substring(0, 32);
            }
        }
    }
}
