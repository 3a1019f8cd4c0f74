using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PayoutPS.Models
{
    /// <summary>
    /// The end of a batch: counts by outcome, totals per currency, the rows in doubt, and the exit code a
    /// scheduled task should end with: 0 all paid, 1 some refused or failed, 2 invalid input, 4 rows in doubt
    /// (3, authentication or configuration, is for a run that could not start; the examples map it).
    /// </summary>
    public sealed class PayoutBatchSummary
    {
        private readonly SortedDictionary<string, PayoutCurrencyTotal> _totals = new SortedDictionary<string, PayoutCurrencyTotal>(StringComparer.Ordinal);
        private readonly List<string> _inDoubt = new List<string>();

        public const int ExitAllPaid = 0;
        public const int ExitSomeFailed = 1;
        public const int ExitInvalidInput = 2;
        public const int ExitConfiguration = 3;
        public const int ExitInDoubt = 4;

        /// <summary>Rows read from the input.</summary>
        public int Rows { get; internal set; }

        public int Created { get; internal set; }

        public int AlreadyExisted { get; internal set; }

        public int Recovered { get; internal set; }

        /// <summary>Paid by an earlier run of this journal; not sent again.</summary>
        public int FromJournal { get; internal set; }

        /// <summary>Refused before sending: the row is invalid, changed since the journal, or reuses a RequestId.</summary>
        public int Invalid { get; internal set; }

        /// <summary>Refused by the service (balance, payee, conflict…): not paid.</summary>
        public int Refused { get; internal set; }

        /// <summary>Not sent, or provably not paid (the service was unreachable).</summary>
        public int Failed { get; internal set; }

        /// <summary>May or may not be paid: settle with Get-PayoutStatus or a rerun.</summary>
        public int InDoubt => _inDoubt.Count;

        /// <summary>Checked only (-ValidateOnly or -WhatIf).</summary>
        public int NotSent { get; internal set; }

        public int Paid => Created + AlreadyExisted + Recovered + FromJournal;

        public string[] InDoubtRequestIds => _inDoubt.ToArray();

        public PayoutCurrencyTotal[] Totals => _totals.Values.ToArray();

        /// <summary>The totals as one line ("4800.00 EUR in 1 payout(s), fees 37.80; …"), for Export-Csv and logs.</summary>
        public string TotalsText => string.Join("; ", Totals.Select(t => t.ToString()));

        /// <summary>The RequestIds in doubt as one line, for Export-Csv and logs.</summary>
        public string InDoubtText => string.Join(", ", _inDoubt);

        public string? Journal { get; internal set; }

        public TimeSpan Duration { get; internal set; }

        public double PayoutsPerSecond => Duration.TotalSeconds > 0 ? Math.Round((Created + AlreadyExisted + Recovered) / Duration.TotalSeconds, 1) : 0;

        public int ExitCode => InDoubt > 0 ? ExitInDoubt : Invalid > 0 ? ExitInvalidInput : Refused + Failed > 0 ? ExitSomeFailed : ExitAllPaid;

        internal void AddPaid(PayoutResult result)
        {
            switch (result.Outcome)
            {
                case "Created": Created++; break;
                case "AlreadyExisted": AlreadyExisted++; break;
                case "Recovered": Recovered++; break;
                case "Journaled": FromJournal++; break;
            }

            if (string.IsNullOrEmpty(result.SourceCurrency))
            {
                return;
            }

            if (!_totals.TryGetValue(result.SourceCurrency!, out var total))
            {
                _totals[result.SourceCurrency!] = total = new PayoutCurrencyTotal(result.SourceCurrency!);
            }

            total.Add(result.SourceAmount, result.Fee);
        }

        internal void AddInDoubt(string requestId) => _inDoubt.Add(requestId);

        public override string ToString()
        {
            var money = TotalsText;
            return $"{Rows} rows: {Paid} paid ({Created} created, {AlreadyExisted + Recovered} found existing, {FromJournal} from the journal), " +
                   $"{Invalid} invalid, {Refused} refused, {Failed} failed, {InDoubt} in doubt" + (NotSent > 0 ? $", {NotSent} not sent" : string.Empty) +
                   (money.Length > 0 ? $". Sent {money}" : string.Empty) + $". Exit code {ExitCode}.";
        }
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
            Sent += Parse(amount);
            Fees += Parse(fee);
        }

        private static decimal Parse(string? text) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0m;

        public override string ToString() =>
            $"{Sent.ToString(CultureInfo.InvariantCulture)} {Currency} in {Payouts} payout(s), fees {Fees.ToString(CultureInfo.InvariantCulture)}";
    }
}
