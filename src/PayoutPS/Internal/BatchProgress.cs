using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using PayoutPS.Core.Batch;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>Write-Progress for a batch, at most four times a second, so progress never slows the payouts.</summary>
    internal sealed class BatchProgress
    {
        private const int ActivityId = 1;
        private const string Activity = "Sending payouts";

        private readonly Cmdlet _cmdlet;
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
        private bool _shown;

        public BatchProgress(Cmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The rows to expect, when known (-Path): then progress shows a percentage and the time left.</summary>
        public int Total { get; set; }

        public void Report(PayoutBatchSummary summary, int inFlight)
        {
            if (_sinceLast.ElapsedMilliseconds < 250)
            {
                return;
            }

            _sinceLast.Restart();
            _shown = true;
            var done = summary.Paid + summary.Invalid + summary.Refused + summary.Failed + summary.InDoubt;
            var rate = done / System.Math.Max(_sinceStart.Elapsed.TotalSeconds, 0.001);
            var status = $"{summary.Paid} paid, {summary.Invalid} invalid, {summary.Refused + summary.Failed} refused or failed, " +
                         $"{summary.InDoubt} in doubt, {inFlight} in flight; {rate.ToString("0", CultureInfo.InvariantCulture)} rows/s";
            var record = new ProgressRecord(ActivityId, Activity, status);
            if (Total > 0)
            {
                record.PercentComplete = Math.Min(100, done * 100 / Total);
                record.SecondsRemaining = rate > 0 ? (int)Math.Max(0, (Total - done) / rate) : -1;
            }

            _cmdlet.WriteProgress(record);
        }

        public void Complete()
        {
            if (_shown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
