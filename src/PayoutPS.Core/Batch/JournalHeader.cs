using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>The first line of a journal: which batch, from what input, for which merchant and environment.</summary>
    public sealed class JournalHeader
    {
        public const int CurrentVersion = 1;

        public int Version { get; set; } = CurrentVersion;

        /// <summary>The journal's own id, 32 hex characters: what generated requestIds derive from when the batch has no <see cref="SenderBatchId"/>.</summary>
        public string BatchId { get; set; } = string.Empty;

        /// <summary>The operator's name for the pay run (-BatchId); null when none was given.</summary>
        public string? SenderBatchId { get; set; }

        /// <summary>
        /// What generated requestIds derive from: the merchant and -BatchId when the batch has one (the same on every
        /// machine), else the journal's own id (only this journal finds them again).
        /// </summary>
        public string RequestIdSeed => SenderBatchId != null ? SenderBatchIds.Seed(Merchant, SenderBatchId) : BatchId;

        public DateTime CreatedUtc { get; set; }

        public string Merchant { get; set; } = string.Empty;

        public string Environment { get; set; } = string.Empty;

        public string BaseUri { get; set; } = string.Empty;

        /// <summary>The input file, when the rows came from one (-Path); null for pipeline input.</summary>
        public string? InputFile { get; set; }

        /// <summary>SHA-256 of the input file's bytes, when known.</summary>
        public string? InputHash { get; set; }

        /// <summary>How many rows the input file has, when known: Get-PayoutBatch can then tell rows never reached.</summary>
        public int? InputRows { get; set; }

        /// <summary>The approvals the batch was started on (-RequireApproval), one per approver; null when none was asked.</summary>
        public string? Approvals { get; set; }

        public static string NewBatchId() => Guid.NewGuid().ToString("N");

        /// <summary>
        /// Null when a run described by <paramref name="wanted"/> may continue this header's batch; otherwise why not.
        /// A run without -BatchId continues with the journal's; a run naming another BatchId would derive other
        /// requestIds for the same rows, and pay them again.
        /// </summary>
        public string? Mismatch(JournalHeader wanted)
        {
            var mismatch = Mismatch(wanted.Merchant, wanted.Environment, wanted.BaseUri);
            if (mismatch != null || wanted.SenderBatchId == null || SenderBatchIds.Same(SenderBatchId, wanted.SenderBatchId))
            {
                return mismatch;
            }

            return SenderBatchId == null
                ? $"it was started without -BatchId, so its rows' RequestIds come from the journal itself; -BatchId {wanted.SenderBatchId} would give them new ones"
                : $"it was started with -BatchId {SenderBatchId}, not {wanted.SenderBatchId}";
        }

        /// <summary>Null when this header's batch may be continued by <paramref name="merchant"/> at <paramref name="baseUri"/>; otherwise why not.</summary>
        public string? Mismatch(string merchant, string environment, string baseUri)
        {
            if (!string.Equals(Merchant, merchant, StringComparison.Ordinal))
            {
                return $"it belongs to merchant {Merchant}, not {merchant}";
            }

            if (!string.Equals(BaseUri.TrimEnd('/'), baseUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return $"it was started against {Environment} ({BaseUri}), not {environment} ({baseUri})";
            }

            return null;
        }
    }
}
