using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// RequestIds for rows that have none, derived instead of invented: SHA-256 over the batch id, the row's
    /// content hash and its occurrence number among identical rows, as 32 hex characters (the API's limit).
    /// A rerun with the same journal (same batch id) derives the same ids, so it finds what it paid; identical
    /// rows (allowed with -AllowDuplicate) get occurrences 1, 2… and stay separate payouts.
    /// </summary>
    public static class GeneratedRequestIds
    {
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
