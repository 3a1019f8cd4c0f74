using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The end of a batch: counts by outcome, totals per currency, the rows in doubt, and the exit code a
    /// scheduled task should end with: 0 all paid, 1 some refused, held, failed or not sent, 2 invalid input,
    /// 4 rows in doubt (3, authentication or configuration, is for a run that could not start; the examples map it).
    /// A row another run paid too while this one ran counts as 1.
    /// New-Payout and Get-PayoutBatch both count through <see cref="Add"/>, so they cannot disagree.
    /// </summary>
    public sealed class PayoutBatchSummary
    {
        private readonly SortedDictionary<string, PayoutCurrencyTotal> _totals = new SortedDictionary<string, PayoutCurrencyTotal>(StringComparer.Ordinal);
        private readonly List<string> _inDoubt = new List<string>();
        private readonly List<string> _notReached = new List<string>();
        private readonly List<string> _paidTwice = new List<string>();

        public const int ExitAllPaid = 0;
        public const int ExitSomeFailed = 1;
        public const int ExitInvalidInput = 2;
        public const int ExitConfiguration = 3;
        public const int ExitInDoubt = 4;
        public const int ExitStopped = 5;
        private int? _couldNotGoOn;

        /// <summary>Rows read from the input.</summary>
        public int Rows { get; set; }

        public int Created { get; private set; }

        public int AlreadyExisted { get; private set; }

        public int Recovered { get; private set; }

        /// <summary>Paid by an earlier run of this journal; not sent again.</summary>
        public int FromJournal { get; private set; }

        /// <summary>The same RequestId and content as an earlier row of the input: one payout, counted once.</summary>
        public int Repeated { get; private set; }

        /// <summary>Refused before sending: the row is invalid, changed since the journal, or reuses a RequestId.</summary>
        public int Invalid { get; private set; }

        /// <summary>Held by the duplicate guard: they look like payouts already made. Never sent; counted as refused.</summary>
        public int Held { get; private set; }

        /// <summary>Refused by the service (balance, payee, conflict…): not paid.</summary>
        public int Refused { get; private set; }

        /// <summary>Not paid: the service could not be reached, or it failed the payout it made (status F, U or V; the money went back).</summary>
        public int Failed { get; private set; }

        /// <summary>May or may not be paid: settle with Get-PayoutStatus or a rerun.</summary>
        public int InDoubt => _inDoubt.Count;

        /// <summary>The run stopped before these rows' requests left: not paid, and a rerun sends them.</summary>
        public int NotSent { get; private set; }

        /// <summary>Checked only (-ValidateOnly or -WhatIf).</summary>
        public int Checked { get; private set; }

        /// <summary>Rows an earlier run of the journal recorded that this input never reached, and that are not paid.</summary>
        public int NotReached => _notReached.Count;

        public int Paid => Created + AlreadyExisted + Recovered + FromJournal;

        /// <summary>Rows this run paid that another run paid too while it ran (the final check of the duplicate guard).</summary>
        public int PaidTwice => _paidTwice.Count;

        /// <summary>What the final check found: each row with both payouts.</summary>
        public string[] PaidTwiceText => _paidTwice.ToArray();

        public string[] InDoubtRequestIds => _inDoubt.ToArray();

        public string[] NotReachedRequestIds => _notReached.ToArray();

        public PayoutCurrencyTotal[] Totals => _totals.Values.ToArray();

        /// <summary>The totals as one line ("4800.00 EUR in 1 payout(s), fees 37.80; …"), for Export-Csv and logs.</summary>
        public string TotalsText => string.Join("; ", Totals.Select(t => t.ToString()));

        /// <summary>The RequestIds in doubt as one line, for Export-Csv and logs.</summary>
        public string InDoubtText => string.Join(", ", _inDoubt);

        public string? Journal { get; set; }

        /// <summary>How long the run took; null when not known (Get-PayoutBatch reads a journal, whose runs may be days apart).</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>How long the duplicate guard's final check took (listing what was created during the run); null when it did not run.</summary>
        public TimeSpan? FinalCheckDuration { get; set; }

        /// <summary>Payouts this run's requests made or found, per second of <see cref="Duration"/>; null when the duration is not known.</summary>
        public double? PayoutsPerSecond => Duration is TimeSpan took && took.TotalSeconds > 0 ? Math.Round((Created + AlreadyExisted + Recovered) / took.TotalSeconds, 1) : (double?)null;

        /// <summary>How the run ended so far; <see cref="EndingReason"/> says why when it did not finish.</summary>
        public BatchEnding Ending { get; private set; } = BatchEnding.Running;

        /// <summary>Why the run stopped or could not go on; null when it finished.</summary>
        public string? EndingReason { get; private set; }

        /// <summary>Rows of the input the run never tried, when it stopped early and knows the input (-Path); null otherwise.</summary>
        public int? NotTried { get; private set; }

        /// <summary>
        /// 4 while rows are in doubt; otherwise 3 (or 2) when a terminating error ended the run, 5 when it stopped
        /// before its input ended, 2 for invalid rows, 1 for rows refused, held, failed, not sent or paid by another run too, 0 all paid.
        /// A run still going reads as stopped: never 0 before it has finished.
        /// </summary>
        public int ExitCode => InDoubt > 0 ? ExitInDoubt
            : _couldNotGoOn ?? (Ending != BatchEnding.Finished ? ExitStopped
            : Invalid > 0 ? ExitInvalidInput
            : Refused + Held + Failed + NotSent + NotReached + PaidTwice > 0 ? ExitSomeFailed
            : ExitAllPaid);

        /// <summary>The run went through its whole input.</summary>
        public void Finish()
        {
            if (Ending == BatchEnding.Running)
            {
                Ending = BatchEnding.Finished;
            }
        }

        /// <summary>The run ended before its input did (Ctrl+C, a downstream command that stopped the pipeline).</summary>
        public void StopEarly(string reason, int? notTried)
        {
            if (Ending == BatchEnding.Running)
            {
                Ending = BatchEnding.Stopped;
                EndingReason = reason;
                NotTried = notTried;
            }
        }

        /// <summary>A terminating error ended the run: <paramref name="exitCode"/> 3 for configuration, authentication or the journal, 2 for input.</summary>
        public void CouldNotGoOn(int exitCode, string reason, int? notTried = null)
        {
            if (Ending == BatchEnding.Running || Ending == BatchEnding.Finished)
            {
                Ending = BatchEnding.CouldNotGoOn;
                EndingReason = reason;
                NotTried = notTried;
                _couldNotGoOn = exitCode;
            }
        }

        /// <summary>
        /// Counts one row's outcome; a paid row's amount and fee go into its currency's total. A payout the service made
        /// and then failed (<paramref name="status"/> F, U or V: see <see cref="RowOutcomes.IsPaid(RowOutcome, string)"/>) is
        /// failed, not paid, and its money is not in "Sent".
        /// </summary>
        public void Add(RowOutcome outcome, string? requestId, string? sourceAmount = null, string? sourceCurrency = null, string? fee = null, string? status = null)
        {
            if (RowOutcomes.IsPaid(outcome) && !RowOutcomes.IsPaid(outcome, status))
            {
                Failed++;
                return;
            }

            switch (outcome)
            {
                case RowOutcome.Created: Created++; break;
                case RowOutcome.AlreadyExisted: AlreadyExisted++; break;
                case RowOutcome.Recovered: Recovered++; break;
                case RowOutcome.Journaled: FromJournal++; break;
                case RowOutcome.Repeated: Repeated++; return;
                case RowOutcome.Checked: Checked++; return;
                case RowOutcome.Invalid: Invalid++; return;
                case RowOutcome.Held: Held++; return;
                case RowOutcome.Refused: Refused++; return;
                case RowOutcome.Unavailable: Failed++; return;
                case RowOutcome.NotSent: NotSent++; return;
                case RowOutcome.InDoubt: _inDoubt.Add(requestId ?? "(no RequestId)"); return;
            }

            if (string.IsNullOrEmpty(sourceCurrency))
            {
                return;
            }

            if (!_totals.TryGetValue(sourceCurrency!, out var total))
            {
                _totals[sourceCurrency!] = total = new PayoutCurrencyTotal(sourceCurrency!);
            }

            total.Add(sourceAmount, fee);
        }

        /// <summary>Counts one row of a journal as it was read back (Get-PayoutBatch, the report's tests): its outcome and its latest status.</summary>
        public void Add(BatchRowState row)
        {
            Rows++;
            Add(row.Outcome, row.RequestId, row.SourceAmount, row.SourceCurrency, row.Fee, row.Status);
        }

        /// <summary>A row paid by this run and by another at the same time (what <see cref="DoublePaymentSweep"/> says of it).</summary>
        public void AddPaidTwice(string found) => _paidTwice.Add(found);

        /// <summary>A row an earlier run recorded, not paid, that this input never reached.</summary>
        public void AddNotReached(string requestId) => _notReached.Add(requestId);

        public override string ToString()
        {
            var money = TotalsText;
            return CountsText + (money.Length > 0 ? $". Sent {money}" : string.Empty) + $". Exit code {ExitCode}.";
        }

        /// <summary>The counts and the ending in words, without the money (the report shows that as a table).</summary>
        public string CountsText =>
                   $"{Rows} rows: {Paid} paid ({Created} created, {AlreadyExisted + Recovered} found existing, {FromJournal} from the journal), " +
                   $"{Invalid} invalid, {Refused} refused, " + (Held > 0 ? $"{Held} held as possible duplicates, " : string.Empty) + $"{Failed} failed, {InDoubt} in doubt" +
                   (NotSent > 0 ? $", {NotSent} not sent (the run stopped)" : string.Empty) +
                   (Repeated > 0 ? $", {Repeated} repeated (same RequestId as an earlier row, paid once)" : string.Empty) +
                   (Checked > 0 ? $", {Checked} checked only" : string.Empty) +
                   (NotReached > 0 ? $", {NotReached} unpaid row(s) of earlier runs not in this input" : string.Empty) +
                   (PaidTwice > 0 ? $", {PaidTwice} paid by another run too (check both payouts)" : string.Empty) +
                   (Ending == BatchEnding.Finished ? string.Empty : $". {Ending}: {EndingReason}" + (NotTried > 0 ? $" ({NotTried} row(s) not tried)" : string.Empty));
    }

    /// <summary>How a batch run ended.</summary>
    public enum BatchEnding
    {
        /// <summary>Not ended yet; read as stopped (exit code 5), never as done.</summary>
        Running,

        /// <summary>Every row of the input had its turn.</summary>
        Finished,

        /// <summary>It ended before its input did: Ctrl+C, or a downstream command stopped the pipeline.</summary>
        Stopped,

        /// <summary>A terminating error ended it: not connected, no confirmation, the journal, the input file.</summary>
        CouldNotGoOn,
    }

    /// <summary>What left one balance: the payouts' debits (fees included) and, of that, the fees.</summary>
    public sealed class PayoutCurrencyTotal
    {
        internal PayoutCurrencyTotal(string currency) => Currency = currency;

        public string Currency { get; }

        public int Payouts { get; private set; }

        public decimal Sent { get; private set; }

        public decimal Fees { get; private set; }

        internal void Add(string? amount, string? fee)
        {
            Payouts++;
            Sent += PayoutPS.Core.Payouts.MoneyText.Parse(amount) ?? 0m;
            Fees += PayoutPS.Core.Payouts.MoneyText.Parse(fee) ?? 0m;
        }

        public override string ToString() =>
            $"{Sent.ToString(CultureInfo.InvariantCulture)} {Currency} in {Payouts} payout(s), fees {Fees.ToString(CultureInfo.InvariantCulture)}";
    }
}
