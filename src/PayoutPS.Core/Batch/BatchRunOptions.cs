using System;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>How a batch is run: where its memory is, how rows are keyed, how hard it guards against paying twice.</summary>
    public sealed class BatchRunOptions
    {
        /// <summary>The journal file, or null for a batch without memory.</summary>
        public string? JournalPath { get; set; }

        /// <summary>The header a new journal gets; an existing one must match its merchant and service.</summary>
        public JournalHeader Header { get; set; } = new JournalHeader();

        public RequestIdSource Ids { get; set; } = RequestIdSource.Required;

        /// <summary>Send rows even when they look like payouts already made.</summary>
        public bool AllowDuplicate { get; set; }

        /// <summary>How far back the service's list is searched; given explicitly, rows with their own RequestId are guarded too.</summary>
        public TimeSpan? DuplicateWindow { get; set; }

        /// <summary>Where the run's counts go: the caller may hand it out before the run starts, so every ending is in it.</summary>
        public PayoutBatchSummary Summary { get; set; } = new PayoutBatchSummary();

        /// <summary>How many rows the input has, when known (-Path): memory is sized once for them.</summary>
        public int ExpectedRows { get; set; }

        /// <summary>Lists the service's recent payouts (blocking, cancellable by the caller); null when rows are only checked.</summary>
        public Func<TimeSpan, Func<string, bool>, RecentPayouts>? LoadRecentPayouts { get; set; }
    
        /// <summary>Where rows without a RequestId get one, from what the caller gave: a journal or a BatchId derive them.</summary>
        public static RequestIdSource IdsFor(bool journal, string? batchId, bool generateRequestId, bool sends) =>
            !journal && batchId == null && !generateRequestId ? RequestIdSource.Required
            : !sends ? RequestIdSource.Placeholder
            : journal || batchId != null ? RequestIdSource.Derived
            : RequestIdSource.Random;

        /// <summary>A shorter duplicate window guards nothing a rerun would meet: it is a mistyped one.</summary>
        public static readonly TimeSpan MinimumDuplicateWindow = TimeSpan.FromMinutes(1);

        /// <summary>What is wrong with a run's -BatchId, -GenerateRequestId and -DuplicateWindow together, in words that show the fix; null when nothing.</summary>
        public static string? Problem(string? batchId, bool generateRequestId, TimeSpan? duplicateWindow)
        {
            if (batchId != null && (SenderBatchIds.Problem(batchId) ?? (generateRequestId
                ? "-BatchId derives each row's RequestId from the pay run's name; -GenerateRequestId would make random ones instead. Give one of them, not both."
                : null)) is string problem)
            {
                return problem;
            }

            if (duplicateWindow is TimeSpan window && (window < MinimumDuplicateWindow || window > PayoutClient.LookupWindow))
            {
                return $"-DuplicateWindow {window} is {(window < MinimumDuplicateWindow ? "shorter than a minute" : $"longer than {PayoutClient.LookupWindow.TotalDays} days")}: " +
                       "a plain number binds as ticks (-DuplicateWindow 72 is 7.2 microseconds). Write 72 hours as -DuplicateWindow 3.00:00:00 or -DuplicateWindow (New-TimeSpan -Hours 72).";
            }

            return null;
        }
    }
}
