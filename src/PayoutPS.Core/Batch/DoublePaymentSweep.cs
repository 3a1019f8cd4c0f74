using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The duplicate guard's second look, after the last row. The guard lists the service's payouts once, before the
    /// first row it guards, so a run going on at the same time (a second server with its own journal) or a list that
    /// lags can pay a payee this run pays too, unseen. Once the run is over, the payouts created since that listing
    /// are listed again; one that this run did not make (its requestId is in neither the journal nor this run) and
    /// that has the guard's key of a row this run paid is the same payee paid twice. Each is named, and the run ends
    /// with exit code 1: concurrent runs end loudly instead of silently. (-BatchId prevents it; this tells it. A run
    /// with -BatchId whose guarded rows all have derived ids does not need it, and skips it.)
    /// </summary>
    public sealed class DoublePaymentSweep
    {
        /// <summary>Listed from this long before the first listing started: the service's Date header and createTime have whole seconds.</summary>
        private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

        private readonly RecentPayouts _first;
        private readonly Stopwatch _sinceFirst = Stopwatch.StartNew();
        private readonly List<PaidRow> _paid; // 24 bytes a row: a million paid rows take 24 MB

        /// <param name="first">The guard's first listing, made just now: what it held is not listed again.</param>
        /// <param name="expectedRows">How many rows the input has, when known: the list is sized once for them.</param>
        public DoublePaymentSweep(RecentPayouts first, int expectedRows)
        {
            _first = first;
            _paid = new List<PaidRow>(Math.Max(0, expectedRows));
        }

        /// <summary>A row this run paid (its request made or found the payout).</summary>
        public void Paid(BatchRow row, string? payoutId) => _paid.Add(new PaidRow
        {
            Key = row.GuardKey != 0 ? row.GuardKey : RecentPayouts.KeyOf(row.Request),
            PayoutId = ulong.TryParse(payoutId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0, // 19 digits fit
            Row = row.Row,
        });

        /// <summary>
        /// Lists what was created since the first listing (by <paramref name="list"/>: a window back from the service's
        /// now, and which requestIds this run knows) and names each payout that pays a row of this run again.
        /// </summary>
        public IReadOnlyList<string> Check(Func<TimeSpan, Func<string, bool>, RecentPayouts> list, Func<string, bool> known)
        {
            var doubles = new List<string>();
            if (_paid.Count == 0)
            {
                return doubles;
            }

            var since = list(_sinceFirst.Elapsed + Margin, known);
            since.Without(_first);
            foreach (var paid in _paid)
            {
                // Each listed payout pays at most one row again: two rows of one key claim two payouts.
                if (since.Claim(paid.Key) is string other)
                {
                    var ours = paid.PayoutId == 0 ? "its payout" : $"payout {paid.PayoutId}";
                    doubles.Add($"{Where(paid.Row)} was paid by this run as {ours}, and {other} pays the same payee the same amounts with the same reference; " +
                                "another run made it while this one ran (a second server or journal?). The payee may have been paid twice: check both payouts. " +
                                "Give each pay run a -BatchId, so concurrent runs share RequestIds and the service pays each row once.");
                }
            }

            return doubles;
        }

        private static string Where(int row) => row == 0 ? "The payout given on the command line" : $"Row {row}";

        private struct PaidRow
        {
            public ulong Key;
            public ulong PayoutId;
            public int Row;
        }
    }
}
