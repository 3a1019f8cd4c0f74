using System;
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

    /// <summary>What went wrong with one row, in words that name it.</summary>
    public enum BatchProblemKind
    {
        /// <summary>The row cannot be sent as written (<see cref="PayoutRequestException"/>).</summary>
        Invalid,

        /// <summary>Its RequestId was used in this run for a different payout.</summary>
        RequestIdReused,

        /// <summary>It differs from what the journal recorded for its RequestId.</summary>
        ChangedSinceJournal,

        /// <summary>Held by the duplicate guard: it looks like a payout already made.</summary>
        DuplicateSuspected,

        /// <summary>One of identical rows the journal recorded partly paid, and which one cannot be told.</summary>
        AmbiguousRow,

        /// <summary>The service refused it, or could not be asked (a <see cref="Api.PayoutApiException"/>).</summary>
        Service,

        /// <summary>Another run paid a row this run paid (the final check).</summary>
        PaidTwice,

        /// <summary>The input had no rows.</summary>
        NoRows,
    }

    /// <summary>A problem with one row (or, without a label, with the batch), and the row's name for the message.</summary>
    public sealed class BatchProblem
    {
        public BatchProblem(BatchProblemKind kind, Exception exception, string? label, object? target)
        {
            Kind = kind;
            Exception = exception;
            Label = label;
            Target = target;
        }

        public BatchProblemKind Kind { get; }

        public Exception Exception { get; }

        /// <summary>"Row 3 (CSV line 5), RequestId INV-3": the default error view hides the target, so messages start with it.</summary>
        public string? Label { get; }

        /// <summary>The row's RequestId, else "(row N)"; for a problem of the whole batch, what it is about (the file), or null.</summary>
        public object? Target { get; }

        /// <summary>The label and the exception's message, as the journal records it.</summary>
        public string Message => Label == null || Exception.Message.StartsWith(Label, StringComparison.Ordinal) ? Exception.Message : $"{Label}: {Exception.Message}";
    }

    /// <summary>
    /// A run that cannot go on (the journal cannot be written): the summary already says so, with its exit code; the
    /// caller ends with this error.
    /// </summary>
    public sealed class BatchAbortedException : Exception
    {
        public BatchAbortedException(string message, Exception inner, string? journal)
            : base(message, inner)
        {
            Journal = journal;
        }

        public string? Journal { get; }
    }
}
