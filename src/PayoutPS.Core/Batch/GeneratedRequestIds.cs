using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// RequestIds for rows that have none, derived instead of invented: SHA-256 over the batch's seed (see
    /// <see cref="JournalHeader.RequestIdSeed"/>), the row's content hash and its occurrence number among identical
    /// rows, as 32 hex characters (the API's limit). A rerun with the same seed (the same journal, or with -BatchId
    /// any journal) derives the same ids, so it finds what it paid; identical
    /// rows (allowed with -AllowDuplicate) get occurrences 1, 2… and stay separate payouts.
    /// </summary>
    public static class GeneratedRequestIds
    {
        [ThreadStatic]
        private static SHA256? _sha; // one per thread, as RequestFingerprint keeps: a row of a large batch makes none

        public static string Derive(string batchId, string contentHash, int occurrence)
        {
            var sha = _sha ?? (_sha = SHA256.Create());
            var text = batchId + "\n" + contentHash + "\n" + occurrence.ToString(CultureInfo.InvariantCulture);
            return Hex.ToLower(sha.ComputeHash(Encoding.UTF8.GetBytes(text))).Substring(0, 32);
        }
    }
}
