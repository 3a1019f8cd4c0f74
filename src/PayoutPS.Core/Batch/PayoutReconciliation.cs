using System;
using static PayoutPS.Core.Payouts.MoneyText;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Account;

namespace PayoutPS.Core.Batch
{
    /// <summary>How a paid row of a batch stands against the provider's ledger.</summary>
    public enum LedgerVerdict
    {
        /// <summary>Its debit and fee are in the ledger, and add up to the amount the row paid.</summary>
        Matched,

        /// <summary>No ledger entry names its payout.</summary>
        MissingInLedger,

        /// <summary>Its ledger debit and fee do not add up to the amount the row paid.</summary>
        AmountDiffers,

        /// <summary>The ledger gave the money back, amount and fee (the payout failed after it was made).</summary>
        Reversed,

        /// <summary>The ledger gave the fee back alone: the payee was paid, the fee refunded.</summary>
        FeeReversed,

        /// <summary>The ledger gave part of the amount back: the payee got less than the row paid.</summary>
        PartlyReversed,
    }

    /// <summary>One paid row of a batch and what the ledger holds for its payout.</summary>
    public sealed class ReconciledRow
    {
        public int Row { get; internal set; }

        public string? RequestId { get; internal set; }

        public string? PayoutId { get; internal set; }

        public string Currency { get; internal set; } = string.Empty;

        /// <summary>What the row paid as the journal recorded it: the debit, fees included.</summary>
        public decimal Paid { get; internal set; }

        /// <summary>The ledger's PAYOUT entries for the payout, as a positive debit.</summary>
        public decimal LedgerDebit { get; internal set; }

        /// <summary>The ledger's FEE entries for the payout, as a positive amount.</summary>
        public decimal LedgerFee { get; internal set; }

        /// <summary>What the ledger gave back (PAYOUT_REVERSAL and FEE_REVERSAL).</summary>
        public decimal Reversal { get; internal set; }

        public LedgerVerdict Verdict { get; internal set; }

        /// <summary>Missing from the ledger, or different there: someone must look (a reversal is accounted for).</summary>
        public bool NeedsLook => Verdict == LedgerVerdict.MissingInLedger || Verdict == LedgerVerdict.AmountDiffers || Verdict == LedgerVerdict.PartlyReversed;

        public override string ToString() =>
            $"Row {Row} {RequestId}: {Verdict}, paid {Show(Paid)} {Currency}, ledger debit {Show(LedgerDebit)} and fee {Show(LedgerFee)}, given back {Show(Reversal)} (payout {PayoutId})";
    }

    /// <summary>One currency of a batch: what its rows should have taken from the balance against what the ledger shows.</summary>
    public sealed class ReconciledCurrency
    {
        public string Currency { get; internal set; } = string.Empty;

        public int Rows { get; internal set; }

        /// <summary>The rows' debits, fees included; nothing for a reversed row, whose money came back.</summary>
        public decimal Expected { get; internal set; }

        /// <summary>The net of the ledger's entries for the batch's payouts, as a debit.</summary>
        public decimal Ledger { get; internal set; }

        public decimal Difference => Ledger - Expected;

        public override string ToString() =>
            $"{Currency}: {Rows} payout(s), expected {Show(Expected)}, ledger {Show(Ledger)}, difference {Show(Difference)}";
    }

    /// <summary>
    /// A batch matched to the ledger: per currency the expected debit against the ledger's, the rows that are not
    /// simply matched (reversed, missing, different), and the other ledger entries of the window. Matched rows are
    /// counted, not listed: a million of them would be a million objects, and Get-PayoutBatch lists every row anyway.
    /// </summary>
    public sealed class PayoutReconciliation
    {
        /// <summary>The paid rows whose ledger entries are not simply their debit and fee: reversed, missing or different, in journal order.</summary>
        public IReadOnlyList<ReconciledRow> Rows { get; internal set; } = Array.Empty<ReconciledRow>();

        public IReadOnlyList<ReconciledCurrency> Currencies { get; internal set; } = Array.Empty<ReconciledCurrency>();

        /// <summary>Ledger entries of the batch's currencies and window that belong to no row: listed, not errors.</summary>
        public IReadOnlyList<PayoutLedgerEntry> Unrelated { get; internal set; } = Array.Empty<PayoutLedgerEntry>();

        /// <summary>Paid rows whose debit and fee are in the ledger to the cent.</summary>
        public int Matched { get; internal set; }

        /// <summary>The batch's counts and totals, from the same reading of the journal the rows were matched from.</summary>
        public PayoutBatchSummary? Summary { get; set; }

        public int Reversed => Rows.Count(r => r.Verdict == LedgerVerdict.Reversed);

        public int Problems => Rows.Count(r => r.NeedsLook);

        /// <summary>Pairs of paid rows that are the same payout by the duplicate guard's key (see <see cref="JournalDoubles"/>).</summary>
        public IReadOnlyList<string> PaidTwice { get; set; } = Array.Empty<string>();

        /// <summary>0 only when every paid row is matched, every currency's totals agree and no row was paid twice; 1 otherwise (as -Summary's "some not paid").</summary>
        public int ExitCode => Rows.Count == 0 && PaidTwice.Count == 0 && Currencies.All(c => c.Difference == 0) ? 0 : PayoutBatchSummary.ExitSomeFailed;

        /// <summary>The currency a paid row's debit is in: its payout's source currency, else the one its intent recorded.</summary>
        public static string? CurrencyOf(BatchRowState row) => row.SourceCurrency ?? row.Currency;
    }
}
