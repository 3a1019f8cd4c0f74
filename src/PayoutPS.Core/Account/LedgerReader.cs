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

        /// <summary>How many of the latest entry ids are remembered to skip an entry seen twice (see <see cref="ReadAsync"/>).</summary>
        public const int RememberedIds = 10 * PageSize;

        /// <summary>
        /// Reads the ledger of <paramref name="currency"/> from <paramref name="from"/> to <paramref name="to"/>, page by
        /// page, handing each entry to <paramref name="each"/> once; returns how many. An entry is seen twice where two
        /// windows share their boundary second, or when entries arriving meanwhile shift the pages; both repeat entries
        /// just read, so only the latest <see cref="RememberedIds"/> ids are remembered, not a million.
        /// </summary>
        public static async Task<int> ReadAsync(AccountApi api, string currency, DateTime from, DateTime to, Action<PayoutLedgerEntry> each, IPayoutLog log, CancellationToken token)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var order = new Queue<string>();
            var count = 0;
            foreach (var window in Windows(from, to))
            {
                for (var current = 1; ; current++)
                {
                    var (page, total) = await api.GetLedgerPageAsync(currency, window.From, window.To, null, PageSize, current, log, token).ConfigureAwait(false);
                    foreach (var entry in page)
                    {
                        if (entry.EntryId != null)
                        {
                            if (!seen.Add(entry.EntryId))
                            {
                                continue;
                            }

                            order.Enqueue(entry.EntryId);
                            if (order.Count > RememberedIds)
                            {
                                seen.Remove(order.Dequeue());
                            }
                        }

                        each(entry);
                        count++;
                    }

                    if (page.Count == 0 || current * PageSize >= total)
                    {
                        break;
                    }
                }
            }

            return count;
        }
    }
}
