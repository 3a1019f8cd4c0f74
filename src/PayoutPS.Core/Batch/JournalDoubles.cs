using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Two paid rows of one journal that are the same payout by the duplicate guard's key (payee, amounts, currencies,
    /// reference): a double payment that no rule caught when it was sent. Read back by Get-PayoutBatch, the report and
    /// the reconciliation, so it never reads as success. Only rows without a RequestId of their own that the guard checked
    /// carry a key (rows with their own ids may be meant alike; -AllowDuplicate's identical rows are meant; journals
    /// written before the key was recorded have none).
    /// </summary>
    public sealed class JournalDoubles
    {
        // Every paid row is remembered, so compactly: the key as the number it was written from (16 hex digits) and
        // the payout id as its number, about 40 bytes a row instead of two strings (a million rows: ~40 MB, not ~150).
        private readonly Dictionary<ulong, FirstPaid> _first = new Dictionary<ulong, FirstPaid>();
        private readonly Dictionary<string, FirstPaid> _firstByText = new Dictionary<string, FirstPaid>(StringComparer.Ordinal); // a key this module did not write, as written
        private readonly List<string> _found = new List<string>();

        /// <summary>What was found: each pair of rows with their payouts.</summary>
        public IReadOnlyList<string> Found => _found;

        /// <summary>Takes one row as Get-PayoutBatch reads it back; returns what it found when the row pays a paid row again.</summary>
        public string? Add(BatchRowState row)
        {
            if (row.GuardKey == null || !row.IsPaid)
            {
                return null;
            }

            var paid = new FirstPaid(row.Row, row.PayoutId);
            var first = WrittenKey(row.GuardKey) is ulong key ? FirstOrAdd(_first, key, paid) : FirstOrAdd(_firstByText, row.GuardKey, paid);
            if (first == null)
            {
                return null;
            }

            var found = $"Row {first.Value.Row} (payout {first.Value.PayoutId}) and row {row.Row} (payout {row.PayoutId}) are the same payout by payee, amounts, currencies and reference, and both were paid. " +
                        "The payee may have been paid twice: check both payouts.";
            _found.Add(found);
            return found;
        }

        /// <summary>The first paid row with <paramref name="key"/>; null when this is the first (then it is kept).</summary>
        private static FirstPaid? FirstOrAdd<TKey>(Dictionary<TKey, FirstPaid> first, TKey key, FirstPaid paid)
            where TKey : notnull
        {
            if (first.TryGetValue(key, out var earlier))
            {
                return earlier;
            }

            first[key] = paid;
            return null;
        }

        /// <summary>A key as the journal writes it (<c>x16</c>: 16 lowercase hex digits) is that number exactly; any other text is not.</summary>
        private static ulong? WrittenKey(string text)
        {
            if (text.Length != 16)
            {
                return null;
            }

            foreach (var c in text)
            {
                if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f'))
                {
                    return null;
                }
            }

            return ulong.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        /// <summary>A paid row: its number and its payout id (a plain number as that number, else as text).</summary>
        private readonly struct FirstPaid
        {
            private const ulong None = ulong.MaxValue; // no payout id, or one kept as text: never a number's value (at most 19 digits)

            private readonly ulong _number;
            private readonly string? _text;

            public FirstPaid(int row, string? payoutId)
            {
                Row = row;
                _number = payoutId != null && PayoutIds.TryNumber(payoutId, out var number) ? number : None;
                _text = _number == None ? payoutId : null;
            }

            public int Row { get; }

            public string? PayoutId => _text ?? (_number == None ? null : _number.ToString(CultureInfo.InvariantCulture));
        }
    }
}
