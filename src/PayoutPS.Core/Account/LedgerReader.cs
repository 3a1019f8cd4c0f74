using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Account
{
    /// <summary>
    /// Every ledger entry of a currency between two times: the window split into the ones the API takes, every
    /// page of each read, and an entry on a shared boundary second kept once (by its entryId).
    /// </summary>
    public static class LedgerReader
    {
        /// <summary>[SANDBOX] The API documents no limit; 31 days per request is safe against a service that has one.</summary>
        public static readonly TimeSpan WindowLength = TimeSpan.FromDays(31);

        public const int PageSize = 100;

        /// <summary>The windows a span is asked in, in order; neighbours share their boundary second (the bounds are inclusive).</summary>
        public static IEnumerable<(DateTime From, DateTime To)> Windows(DateTime from, DateTime to)
        {
            for (var start = from; start < to; start += WindowLength)
            {
                yield return (start, start + WindowLength < to ? start + WindowLength : to);
            }
        }

        public static async Task<IReadOnlyList<PayoutLedgerEntry>> ReadAsync(AccountApi api, string currency, DateTime from, DateTime to, IPayoutLog log, CancellationToken token)
        {
            var entries = new List<PayoutLedgerEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var window in Windows(from, to))
            {
                for (var current = 1; ; current++)
                {
                    var (page, total) = await api.GetLedgerPageAsync(currency, window.From, window.To, null, PageSize, current, log, token).ConfigureAwait(false);
                    foreach (var entry in page)
                    {
                        if (entry.EntryId == null || seen.Add(entry.EntryId))
                        {
                            entries.Add(entry);
                        }
                    }

                    if (page.Count == 0 || current * PageSize >= total)
                    {
                        break;
                    }
                }
            }

            return entries;
        }
    }
}
