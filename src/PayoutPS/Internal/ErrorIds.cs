namespace PayoutPS.Internal
{
    /// <summary>Stable FullyQualifiedErrorId values: scripts may match on them, so never rename one.</summary>
    internal static class ErrorIds
    {
        public const string InvalidKey = "PayoutPS.InvalidKey";
        public const string InvalidRequest = "PayoutPS.InvalidRequest";
        public const string InvalidAmount = "PayoutPS.InvalidAmount";
        public const string NotConnected = "PayoutPS.NotConnected";
        public const string WaitTimeout = "PayoutPS.WaitTimeout";
        public const string NotFound = "PayoutPS.PayoutNotFound";
        public const string RequestIdReused = "PayoutPS.RequestIdReused";
        public const string ConfirmationRequired = "PayoutPS.ConfirmationRequired";
        public const string JournalRowChanged = "PayoutPS.JournalRowChanged";
        public const string JournalUnusable = "PayoutPS.JournalUnusable";
        public const string DuplicateSuspected = "PayoutPS.DuplicateSuspected";

        /// <summary>A row this run paid was paid by another run too, while this one ran (the duplicate guard's final check).</summary>
        public const string PaidTwice = "PayoutPS.PaidTwice";

        /// <summary>One of identical rows that the journal recorded partly paid, in an input with fewer of them.</summary>
        public const string AmbiguousRow = "PayoutPS.AmbiguousRow";

        /// <summary>A -Path batch whose cost exceeds a currency's available balance: refused before its first row.</summary>
        public const string InsufficientBalance = "PayoutPS.InsufficientBalance";
        public const string NoRows = "PayoutPS.NoRows";

        /// <summary>A file paid with -RequireApproval that its approvals do not cover: refused before anything is sent.</summary>
        public const string NotApproved = "PayoutPS.NotApproved";

        /// <summary>Approve-PayoutBatch refused to sign: an invalid file, or a certificate that cannot sign now.</summary>
        public const string CannotApprove = "PayoutPS.CannotApprove";
    }
}
