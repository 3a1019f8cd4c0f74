using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>One row of a batch as its journal last recorded it: the reconciliation line finance asks for.</summary>
    public sealed class BatchRowState
    {
        public int Row { get; internal set; }

        public string? RequestId { get; internal set; }

        /// <summary>How the row ended (see <see cref="RowOutcome"/>); InDoubt while an intent has no outcome.</summary>
        public RowOutcome Outcome { get; set; } = RowOutcome.InDoubt;

        /// <summary>The service made the payout (whatever became of it since).</summary>
        public bool IsCreated => RowOutcomes.IsPaid(Outcome);

        /// <summary>The money is, or will be, with the payee: made, and not failed, refused in review or reversed (F, U, V).</summary>
        public bool IsPaid => RowOutcomes.IsPaid(Outcome, Status);

        /// <summary>The status in words ("Success", "Failed", "In review"…).</summary>
        public string? StatusName => Payouts.PayoutStatusCodes.Name(Status);

        public string? PayoutId { get; set; }

        public string? Status { get; set; }

        public string? Amount { get; internal set; }

        public string? Currency { get; internal set; }

        public string? SourceAmount { get; set; }

        public string? SourceCurrency { get; set; }

        public string? TargetAmount { get; set; }

        public string? TargetCurrency { get; set; }

        public string? Fee { get; set; }

        public string? Payee { get; internal set; }

        /// <summary>The duplicate guard's key (payee, amounts, currencies, reference) as the journal recorded it for a guarded row, hex; null otherwise.</summary>
        public string? GuardKey { get; internal set; }

        public string? Error { get; set; }

        /// <summary>When the journal last recorded something for this row, UTC.</summary>
        public DateTime? Time { get; internal set; }

        /// <summary>Whether the service should be asked about this row: its outcome or its status may still change.</summary>
        public bool MayChange => RequestId != null && (IsCreated ? !Payouts.PayoutStatusCodes.IsTerminal(Status) : Outcome == RowOutcome.InDoubt || Outcome == RowOutcome.NotSent);

        /// <summary>
        /// Takes what the service holds under this row's requestId, if it is this row's payout (the amount and
        /// currency its intent recorded); otherwise leaves the row as it was and says why.
        /// </summary>
        public string? Settle(Payouts.PayoutRecord found)
        {
            var sameAmount = Payouts.MoneyText.Same(Amount, Currency, found.SourceAmount, found.SourceCurrency) || Payouts.MoneyText.Same(Amount, Currency, found.TargetAmount, found.TargetCurrency);
            if (!sameAmount || (PayoutId != null && !string.Equals(PayoutId, found.PayoutId, StringComparison.Ordinal)))
            {
                return $"the service holds requestId {RequestId} as payout {found.PayoutId} ({found.SourceAmount} {found.SourceCurrency} → {found.TargetAmount} {found.TargetCurrency}), " +
                       $"which is not this row's payout ({PayoutId ?? Amount + " " + Currency}): the row is left as the journal recorded it";
            }

            if (!IsCreated)
            {
                Outcome = RowOutcome.Recovered;
                Error = null;
            }

            PayoutId = found.PayoutId;
            Status = found.Status;
            SourceAmount = found.SourceAmount;
            SourceCurrency = found.SourceCurrency;
            TargetAmount = found.TargetAmount;
            TargetCurrency = found.TargetCurrency;
            Fee = found.Fee;
            return null;
        }
    }
}
