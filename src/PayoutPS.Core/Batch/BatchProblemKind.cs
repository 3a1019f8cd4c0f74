namespace PayoutPS.Core.Batch
{
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
}
