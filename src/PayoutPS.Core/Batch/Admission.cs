using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>What a batch does with one row.</summary>
    public enum AdmissionKind
    {
        /// <summary>Send it (an earlier run's intent without outcome is looked up first: see <see cref="BatchRow.MayAlreadyExist"/>).</summary>
        Send,

        /// <summary>An earlier run of the journal paid it: emit that payout, send nothing.</summary>
        AlreadyPaid,

        /// <summary>The same RequestId and content as an earlier row of this input: the same payout, sent once.</summary>
        Repeated,

        /// <summary>Refused before sending: its RequestId names other content (<see cref="Admission.Reason"/> says where).</summary>
        Refused,

        /// <summary>Held by the duplicate guard: it looks like a payout already made. Never sent.</summary>
        Held,

        /// <summary>
        /// Decided when the input ends (<see cref="BatchRun.ResolveDeferred"/>): it may be a paid journal row edited
        /// since, or one of identical rows the journal recorded partly paid, which only the count of them tells apart.
        /// </summary>
        Deferred,
    }

    /// <summary>Why a row was refused or held, for the error id a script can match on.</summary>
    public enum AdmissionReason
    {
        None,

        /// <summary>Its content differs from what an earlier run recorded under its RequestId.</summary>
        ChangedSinceJournal,

        /// <summary>Its RequestId was used earlier in this input for other content.</summary>
        RequestIdReused,

        /// <summary>The same payee, amounts, currencies and reference as an earlier row of this input, neither with a RequestId.</summary>
        DuplicateInInput,

        /// <summary>The same payee and currency as a paid journal row that this input no longer contains (an edited row).</summary>
        DuplicateInJournal,

        /// <summary>It matches a payout the service made within the duplicate window that this journal does not know.</summary>
        DuplicateAtService,

        /// <summary>
        /// One of identical rows (no RequestId) that the journal recorded partly paid, in an input with fewer of them:
        /// which recorded row it is cannot be told, so neither "paid" nor "send" can be said.
        /// </summary>
        AmbiguousOccurrence,
    }

    /// <summary>The batch's decision for one row, with the reason and the fix in <see cref="Message"/>.</summary>
    public sealed class Admission
    {
        private Admission(AdmissionKind kind, BatchRow row, AdmissionReason reason, string? message, PayoutRecord? paid)
        {
            Kind = kind;
            Row = row;
            Reason = reason;
            Message = message;
            Paid = paid;
        }

        public AdmissionKind Kind { get; }

        /// <summary>The row, keyed (its RequestId is final).</summary>
        public BatchRow Row { get; }

        public AdmissionReason Reason { get; }

        /// <summary>For Refused, Held and Repeated: what happened and what to do.</summary>
        public string? Message { get; }

        /// <summary>For AlreadyPaid: the payout the journal recorded.</summary>
        public PayoutRecord? Paid { get; }

        public string RequestId => Row.RequestId;

        internal static Admission Send(BatchRow row) => new Admission(AdmissionKind.Send, row, AdmissionReason.None, null, null);

        internal static Admission AlreadyPaid(BatchRow row, PayoutRecord paid) => new Admission(AdmissionKind.AlreadyPaid, row, AdmissionReason.None, null, paid);

        internal static Admission Repeated(BatchRow row, string message) => new Admission(AdmissionKind.Repeated, row, AdmissionReason.None, message, null);

        internal static Admission Refused(BatchRow row, AdmissionReason reason, string message) => new Admission(AdmissionKind.Refused, row, reason, message, null);

        internal static Admission Held(BatchRow row, AdmissionReason reason, string message) => new Admission(AdmissionKind.Held, row, reason, message, null);

        internal static Admission Deferred(BatchRow row, AdmissionReason reason) => new Admission(AdmissionKind.Deferred, row, reason, null, null);
    }
}
