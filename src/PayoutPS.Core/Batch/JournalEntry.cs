namespace PayoutPS.Core.Batch
{
    /// <summary>What a journal knows about one requestId. Compact on purpose: a million rows fit in memory.</summary>
    public sealed class JournalEntry
    {
        internal JournalEntry(string contentHash, int row)
        {
            ContentHash = contentHash;
            Row = row;
        }

        /// <summary><see cref="Payouts.RequestFingerprint"/> of the row whose intent was recorded.</summary>
        public string ContentHash { get; }

        /// <summary>The input row that recorded the intent (1-based; 0 when given on the command line).</summary>
        public int Row { get; }

        /// <summary>Where the outcome line starts in the journal, once a payout is known to exist; -1 before.</summary>
        public long PaidOffset { get; internal set; } = -1;

        /// <summary>A payout exists for this requestId (Created, AlreadyExisted or Recovered): never send it again.</summary>
        public bool IsPaid => PaidOffset >= 0;
    }
}
