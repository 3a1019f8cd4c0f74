using System;
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

        /// <summary>The ledger gave the money back (the payout failed after it was made).</summary>
        Reversed,
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
        public bool NeedsLook => Verdict == LedgerVerdict.MissingInLedger || Verdict == LedgerVerdict.AmountDiffers;
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
    }

    /// <summary>A batch matched to the ledger, row by row and per currency; other ledger entries of the window listed apart.</summary>
    public sealed class PayoutReconciliation
    {
        public IReadOnlyList<ReconciledRow> Rows { get; internal set; } = Array.Empty<ReconciledRow>();

        public IReadOnlyList<ReconciledCurrency> Currencies { get; internal set; } = Array.Empty<ReconciledCurrency>();

        /// <summary>Ledger entries of the batch's currencies and window that belong to no row: listed, not errors.</summary>
        public IReadOnlyList<PayoutLedgerEntry> Unrelated { get; internal set; } = Array.Empty<PayoutLedgerEntry>();

        public int Matched => Rows.Count(r => r.Verdict == LedgerVerdict.Matched);

        public int Reversed => Rows.Count(r => r.Verdict == LedgerVerdict.Reversed);

        public int Problems => Rows.Count(r => r.NeedsLook);

        /// <summary>0 only when every paid row is matched and every currency's totals agree; 1 otherwise (as -Summary's "some not paid").</summary>
        public int ExitCode => Matched == Rows.Count && Currencies.All(c => c.Difference == 0) ? 0 : PayoutBatchSummary.ExitSomeFailed;

        /// <summary>The currency a paid row's debit is in: its payout's source currency, else the one its intent recorded.</summary>
        public static string? CurrencyOf(BatchRowState row) => row.SourceCurrency ?? row.Currency;

        /// <summary>
        /// Matches each row the service made a payout for to the ledger entries that name its payout id. Rows the
        /// journal holds no payout for (refused, invalid, in doubt) have nothing to match and are left out.
        /// </summary>
        public static PayoutReconciliation Match(IEnumerable<BatchRowState> rows, IEnumerable<PayoutLedgerEntry> ledger)
        {
            var byPayout = ledger.Where(e => e.PayoutId != null).GroupBy(e => e.PayoutId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var reconciled = new List<ReconciledRow>();
            var ours = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => r.IsCreated && r.PayoutId != null))
            {
                ours.Add(row.PayoutId!);
                byPayout.TryGetValue(row.PayoutId!, out var entries);
                entries ??= new List<PayoutLedgerEntry>();
                var line = new ReconciledRow
                {
                    Row = row.Row, RequestId = row.RequestId, PayoutId = row.PayoutId, Currency = CurrencyOf(row) ?? string.Empty,
                    Paid = Payouts.MoneyText.Parse(row.SourceAmount) ?? 0m,
                    LedgerDebit = -Sum(entries, "PAYOUT"), LedgerFee = -Sum(entries, "FEE"), Reversal = Sum(entries, "PAYOUT_REVERSAL") + Sum(entries, "FEE_REVERSAL"),
                };
                line.Verdict = entries.Count == 0 ? LedgerVerdict.MissingInLedger
                    : line.Reversal > 0 ? LedgerVerdict.Reversed
                    : line.LedgerDebit + line.LedgerFee != line.Paid ? LedgerVerdict.AmountDiffers
                    : LedgerVerdict.Matched;
                reconciled.Add(line);
            }

            return new PayoutReconciliation
            {
                Rows = reconciled,
                Currencies = reconciled.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReconciledCurrency
                {
                    Currency = g.Key,
                    Rows = g.Count(),
                    Expected = g.Where(r => r.Verdict != LedgerVerdict.Reversed).Sum(r => r.Paid),
                    Ledger = g.Sum(r => r.LedgerDebit + r.LedgerFee - r.Reversal),
                }).ToList(),
                Unrelated = ledger.Where(e => e.PayoutId == null || !ours.Contains(e.PayoutId)).ToList(),
            };
        }

        private static decimal Sum(List<PayoutLedgerEntry> entries, string type) =>
            entries.Where(e => string.Equals(e.Type, type, StringComparison.Ordinal)).Sum(e => e.Amount);
    }
}
