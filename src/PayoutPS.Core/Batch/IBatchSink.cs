using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Where a batch run's rows and messages go (<see cref="BatchRunner"/>): New-Payout writes them to PowerShell's
    /// streams, a test records them. The runner decides and counts; the sink only shows. Called on the caller's thread.
    /// </summary>
    public interface IBatchSink
    {
        /// <summary>"Row 3 (CSV line 5), RequestId INV-3": how a row is named in every message.</summary>
        string RowLabel(int row, string? requestId);

        /// <summary>Whether this row may be sent now (PowerShell's ShouldProcess); false shows it as it would be sent.</summary>
        bool MaySend(BatchRow row);

        /// <summary>A row checked and not sent (-ValidateOnly, or declined by <see cref="MaySend"/>).</summary>
        void Checked(BatchRow row, bool declined);

        /// <summary>A row's payout: made now, found at the service, or recorded by the journal.</summary>
        void Paid(BatchRow row, PayoutRecord payout);

        /// <summary>A row not paid (refused, held, failed, in doubt), or a double payment found after the last row.</summary>
        void Problem(BatchProblem problem);

        void Warning(string message);

        void Verbose(string message);

        /// <summary>Between rows: the counts so far and the requests still out (progress, queued log lines).</summary>
        void Progress(PayoutBatchSummary summary, int inFlight);
    }
}
