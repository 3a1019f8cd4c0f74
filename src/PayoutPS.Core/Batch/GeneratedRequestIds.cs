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
        private readonly Dictionary<ContentKey, int> _occurrences = new Dictionary<ContentKey, int>();

        public GeneratedRequestIds(string batchId) => _batchId = batchId;

        /// <summary>The next id for this content, and which occurrence of it in the input this is (1 for the first).</summary>
        public string Next(string contentHash, out int occurrence)
        {
            var key = ContentKey.Parse(contentHash);
            _occurrences.TryGetValue(key, out var seen);
            _occurrences[key] = occurrence = seen + 1;
            return Derive(_batchId, contentHash, occurrence);
        }

        public string Next(string contentHash) => Next(contentHash, out _);

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
