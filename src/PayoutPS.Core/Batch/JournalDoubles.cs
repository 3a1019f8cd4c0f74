using System;
using System.Collections.Generic;

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
        private readonly Dictionary<string, (int Row, string? PayoutId)> _first = new Dictionary<string, (int, string?)>(StringComparer.Ordinal);
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

            if (!_first.TryGetValue(row.GuardKey, out var first))
            {
                _first[row.GuardKey] = (row.Row, row.PayoutId);
                return null;
            }

            var found = $"Row {first.Row} (payout {first.PayoutId}) and row {row.Row} (payout {row.PayoutId}) are the same payout by payee, amounts, currencies and reference, and both were paid. " +
                        "The payee may have been paid twice: check both payouts.";
            _found.Add(found);
            return found;
        }
    }
}
