namespace PayoutPS.Core.Batch
{
    /// <summary>What a journal knows about one requestId. Compact on purpose: a million rows fit in memory.</summary>
    public sealed class JournalEntry
    {
        public JournalEntry(ContentKey content, int row, bool fromEarlierRun, ulong payeeKey = 0, long intentOffset = -1)
        {
            Content = content;
            Row = row;
            FromEarlierRun = fromEarlierRun;
            PayeeKey = payeeKey;
            IntentOffset = intentOffset;
        }

        /// <summary>Where an earlier run's intent line starts in the journal (its requestId is read back from there); -1 for this run's rows.</summary>
        public long IntentOffset { get; }

        /// <summary>The content of the row filed under this requestId (see <see cref="Payouts.RequestFingerprint"/>).</summary>
        public ContentKey Content { get; }

        /// <summary>The input row that first used the requestId (1-based; 0 when given on the command line).</summary>
        public int Row { get; }

        /// <summary>Recorded by an earlier run (read from the file), not by this one.</summary>
        public bool FromEarlierRun { get; }

        /// <summary>The payee and currency it paid (see <see cref="PayeeKeys"/>), for the duplicate guard.</summary>
        public ulong PayeeKey { get; }

        /// <summary>Where the outcome line starts in the journal, once an earlier run knew a payout exists; -1 before.</summary>
        public long PaidOffset { get; internal set; } = -1;

        /// <summary>An earlier run recorded a payout for this requestId (Created, AlreadyExisted or Recovered): never send it again.</summary>
        public bool IsPaid => PaidOffset >= 0;

        /// <summary>A row of this run's input used this requestId.</summary>
        public bool Reached { get; internal set; }
    }
}
