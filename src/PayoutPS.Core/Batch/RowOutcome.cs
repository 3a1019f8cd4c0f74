namespace PayoutPS.Core.Batch
{
    /// <summary>How one row of a batch ended. New-Payout and Get-PayoutBatch count rows by this alone.</summary>
    public enum RowOutcome
    {
        /// <summary>This run's request created the payout.</summary>
        Created,

        /// <summary>The service already held this requestId for this payout (13003): nothing was paid again.</summary>
        AlreadyExisted,

        /// <summary>An answer was lost; the payout was found by requestId instead of paying again.</summary>
        Recovered,

        /// <summary>Paid by an earlier run of this journal; not sent again.</summary>
        Journaled,

        /// <summary>The same RequestId and content as an earlier row of this input: one payout, counted once.</summary>
        Repeated,

        /// <summary>Checked only (-WhatIf or -ValidateOnly): nothing was sent.</summary>
        Checked,

        /// <summary>Refused before sending: invalid, changed since the journal, or reusing a RequestId.</summary>
        Invalid,

        /// <summary>Held back, never sent: it looks like a payout already made (the duplicate guard).</summary>
        Held,

        /// <summary>Refused by the service (balance, payee, another payout's requestId…): not paid.</summary>
        Refused,

        /// <summary>Provably not paid: the service could not be reached.</summary>
        Unavailable,

        /// <summary>May or may not be paid: a lookup settles it (a rerun does).</summary>
        InDoubt,

        /// <summary>Its intent was recorded, but the run stopped before its request left.</summary>
        NotSent,
    }

    public static class RowOutcomes
    {
        /// <summary>A payout exists for the row: never send it again (whatever became of it since).</summary>
        public static bool IsPaid(RowOutcome outcome) =>
            outcome == RowOutcome.Created || outcome == RowOutcome.AlreadyExisted || outcome == RowOutcome.Recovered || outcome == RowOutcome.Journaled;

        /// <summary>
        /// The money is, or will be, with the payee: a payout exists, and its latest known status is not a failure (F, U
        /// and V are failed: the debit went back). The one rule every count, total and report uses.
        /// </summary>
        public static bool IsPaid(RowOutcome outcome, string? status) => IsPaid(outcome) && !Payouts.PayoutStatusCodes.IsFailure(status);

        /// <summary>The outcome of a row the service answered with a payout.</summary>
        public static RowOutcome Of(Payouts.PayoutOutcome outcome)
        {
            switch (outcome)
            {
                case Payouts.PayoutOutcome.Created: return RowOutcome.Created;
                case Payouts.PayoutOutcome.AlreadyExisted: return RowOutcome.AlreadyExisted;
                case Payouts.PayoutOutcome.Journaled: return RowOutcome.Journaled;
                default: return RowOutcome.Recovered; // found by lookup
            }
        }

        /// <summary>The outcome of a row whose request ended in <paramref name="kind"/>.</summary>
        public static RowOutcome Of(Api.PayoutErrorKind kind) =>
            kind == Api.PayoutErrorKind.InDoubt ? RowOutcome.InDoubt
            : kind == Api.PayoutErrorKind.Unavailable ? RowOutcome.Unavailable
            : kind == Api.PayoutErrorKind.EarlierPayout ? RowOutcome.Held
            : RowOutcome.Refused;

        /// <summary>
        /// Reads an outcome a journal wrote. Older journals wrote the error kind (Payee, Rejected…), which are
        /// refusals; text nobody wrote (a damaged or newer journal) is in doubt, never paid.
        /// </summary>
        public static RowOutcome Parse(string? text)
        {
            switch (text)
            {
                case "Pending":
                    return RowOutcome.InDoubt;
                case "InvalidRequest":
                case "Authentication":
                case "InsufficientFunds":
                case "Payee":
                case "NotFound":
                case "Rejected":
                case "RequestIdConflict":
                    return RowOutcome.Refused;
            }

            foreach (RowOutcome outcome in System.Enum.GetValues(typeof(RowOutcome)))
            {
                if (string.Equals(outcome.ToString(), text, System.StringComparison.Ordinal))
                {
                    return outcome;
                }
            }

            return RowOutcome.InDoubt;
        }
    }
}
