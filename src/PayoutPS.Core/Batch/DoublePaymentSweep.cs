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
    /// with exit code 1: concurrent runs end loudly instead of silently. (-BatchId prevents it; this tells it.)
    /// </summary>
    public sealed class DoublePaymentSweep
    {
        /// <summary>Listed from this long before the first listing started: the service's Date header and createTime have whole seconds.</summary>
        private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

        private readonly RecentPayouts _first;
        private readonly Stopwatch _sinceFirst = Stopwatch.StartNew();
        private readonly Dictionary<ulong, (int Row, ulong PayoutId)> _paid = new Dictionary<ulong, (int, ulong)>();

        /// <param name="first">The guard's first listing, made just now: what it held is not listed again.</param>
        public DoublePaymentSweep(RecentPayouts first) => _first = first;

        /// <summary>A row this run paid (its request made or found the payout).</summary>
        public void Paid(BatchRow row, string? payoutId)
        {
            var key = row.GuardKey != 0 ? row.GuardKey : RecentPayouts.KeyOf(row.Request);
            if (!_paid.ContainsKey(key))
            {
                _paid[key] = (row.Row, ulong.TryParse(payoutId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0);
            }
        }

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
                for (var other = since.Claim(paid.Key); other != null; other = since.Claim(paid.Key))
                {
                    var ours = paid.Value.PayoutId == 0 ? "its payout" : $"payout {paid.Value.PayoutId}";
                    doubles.Add($"{Where(paid.Value.Row)} was paid by this run as {ours}, and {other} pays the same payee the same amounts with the same reference; " +
                                "another run made it while this one ran (a second server or journal?). The payee may have been paid twice: check both payouts. " +
                                "Give each pay run a -BatchId, so concurrent runs share RequestIds and the service pays each row once.");
                }
            }

            return doubles;
        }

        private static string Where(int row) => row == 0 ? "The payout given on the command line" : $"Row {row}";
    }
}
