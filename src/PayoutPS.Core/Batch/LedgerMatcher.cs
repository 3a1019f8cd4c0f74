using System;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Account;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Reconciles a batch with the ledger in memory that does not grow with the ledger's entries: paid rows are added
    /// as the journal is read (a few numbers each, found by payout id), ledger entries as their pages arrive (summed
    /// into their payout, or kept when they belong to no row), then <see cref="Finish"/> gives the verdicts: matched
    /// rows are counted, the others listed. A paid row takes about 110 bytes here, not a row object, a verdict and
    /// two ledger entries.
    /// </summary>
    public sealed class LedgerMatcher
    {
        private readonly PayoutIds _payouts;
        private readonly List<Sums> _sums;
        private readonly Dictionary<int, GivenBack> _givenBack = new Dictionary<int, GivenBack>(); // by payout: few are reversed, so not a field of every Sums
        private readonly List<PaidRow> _rows;
        private readonly List<string> _currencies = new List<string>();
        private readonly List<PayoutLedgerEntry> _unrelated = new List<PayoutLedgerEntry>();

        /// <param name="expectedRows">How many rows the journal holds: the lists are sized once instead of growing.</param>
        public LedgerMatcher(int expectedRows = 0)
        {
            _payouts = new PayoutIds(expectedRows);
            _sums = new List<Sums>(expectedRows);
            _rows = new List<PaidRow>(expectedRows);
        }

        /// <summary>The currencies the batch paid in, in the order first seen: the ledgers to read.</summary>
        public IReadOnlyList<string> Currencies => _currencies;

        /// <summary>
        /// Adds a row if the service made a payout for it; rows without one (refused, invalid, in doubt) have nothing
        /// to match. <paramref name="position"/> is the row's place in the journal's order, to read its RequestId back.
        /// </summary>
        public void AddRow(int position, BatchRowState row)
        {
            if (!row.IsCreated || row.PayoutId == null)
            {
                return;
            }

            var currency = PayoutReconciliation.CurrencyOf(row) ?? string.Empty;
            var code = _currencies.IndexOf(currency);
            if (code < 0)
            {
                code = _currencies.Count;
                _currencies.Add(currency);
            }

            var payout = _payouts.IndexOf(row.PayoutId, add: true);
            if (payout == _sums.Count)
            {
                _sums.Add(default); // rows naming the same payout share its entries
            }

            _rows.Add(new PaidRow { Position = position, Row = row.Row, Payout = payout, Currency = (short)code, Paid = Payouts.MoneyText.Parse(row.SourceAmount) ?? 0m });
        }

        /// <summary>Adds one ledger entry of the batch's currencies and window (each entry once).</summary>
        public void AddEntry(PayoutLedgerEntry entry)
        {
            var payout = entry.PayoutId == null ? -1 : _payouts.IndexOf(entry.PayoutId, add: false);
            if (payout < 0)
            {
                _unrelated.Add(entry);
                return;
            }

            var sums = _sums[payout];
            sums.Entries++;
            switch (entry.Type)
            {
                case "PAYOUT": sums.Debit -= entry.Amount; break;
                case "FEE": sums.Fee -= entry.Amount; break;
                case "PAYOUT_REVERSAL": GiveBack(payout, entry.Amount, 0m); break;
                case "FEE_REVERSAL": GiveBack(payout, 0m, entry.Amount); break;
            }

            _sums[payout] = sums;
        }

        /// <summary>Adds a reversal to its payout's sums of what was given back (looked up only for reversals: the rest are debits).</summary>
        private void GiveBack(int payout, decimal amount, decimal fee)
        {
            _givenBack.TryGetValue(payout, out var back);
            back.Amount += amount;
            back.Fee += fee;
            _givenBack[payout] = back;
        }

        /// <summary>
        /// The verdicts. <paramref name="requestIdsAt"/> answers the RequestIds of rows at the given positions (in
        /// that order); it is asked only for rows that are listed, so a batch that matches reads nothing back.
        /// </summary>
        public PayoutReconciliation Finish(Func<IReadOnlyList<int>, IEnumerable<string?>> requestIdsAt)
        {
            var listed = new List<ReconciledRow>();
            var positions = new List<int>();
            var currencies = _currencies.Select(c => new ReconciledCurrency { Currency = c }).ToArray();
            var matched = 0;
            foreach (var row in _rows)
            {
                var sums = _sums[row.Payout];
                _givenBack.TryGetValue(row.Payout, out var back);
                var verdict = Verdict(row, sums, back);
                var currency = currencies[row.Currency];
                currency.Rows++;
                // What the row paid, less what the ledger gave back: every kind of reversal keeps the two totals equal,
                // so a difference is always a debit or fee that is not what the row paid.
                currency.Expected += row.Paid - back.Amount - back.Fee;
                currency.Ledger += sums.Debit + sums.Fee - back.Amount - back.Fee;
                if (verdict == LedgerVerdict.Matched)
                {
                    matched++;
                    continue;
                }

                positions.Add(row.Position);
                listed.Add(new ReconciledRow
                {
                    Row = row.Row, PayoutId = _payouts.IdAt(row.Payout), Currency = currency.Currency, Paid = row.Paid,
                    LedgerDebit = sums.Debit, LedgerFee = sums.Fee, Reversal = back.Amount + back.Fee, Verdict = verdict,
                });
            }

            var index = 0;
            foreach (var requestId in requestIdsAt(positions).Take(listed.Count))
            {
                listed[index++].RequestId = requestId;
            }

            return new PayoutReconciliation
            {
                Rows = listed,
                Matched = matched,
                Currencies = currencies.OrderBy(c => c.Currency, StringComparer.Ordinal).ToList(),
                Unrelated = _unrelated,
            };
        }

        /// <summary>A paid row: 32 bytes.</summary>
        private struct PaidRow
        {
            public int Position;
            public int Row;
            public int Payout;
            public short Currency;
            public decimal Paid;
        }

        /// <summary>
        /// A paid row against its ledger entries: missing; a debit and fee that are not what it paid; given back whole
        /// (amount and fee), the fee alone or part of the amount; or matched.
        /// </summary>
        private static LedgerVerdict Verdict(PaidRow row, Sums sums, GivenBack back) =>
            sums.Entries == 0 ? LedgerVerdict.MissingInLedger
            : sums.Debit + sums.Fee != row.Paid ? LedgerVerdict.AmountDiffers
            : back.Amount >= sums.Debit && back.Fee >= sums.Fee ? LedgerVerdict.Reversed
            : back.Amount > 0 ? LedgerVerdict.PartlyReversed
            : back.Fee > 0 ? LedgerVerdict.FeeReversed
            : LedgerVerdict.Matched;

        /// <summary>What the ledger debited for one payout, as positive amounts: 40 bytes.</summary>
        private struct Sums
        {
            public decimal Debit;
            public decimal Fee;
            public int Entries;
        }

        /// <summary>What the ledger gave back for one payout (PAYOUT_REVERSAL, FEE_REVERSAL), as positive amounts.</summary>
        private struct GivenBack
        {
            public decimal Amount;
            public decimal Fee;
        }
    }
}
