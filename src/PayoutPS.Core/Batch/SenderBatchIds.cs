using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The operator's name for one pay run (New-Payout -BatchId, like PayPal's sender_batch_id). RequestIds of rows
    /// without one are derived from it with the merchant, so every journal, machine and concurrent run of that batch
    /// derives the same ids, and the service's own rule (one payout per requestId) pays each row once.
    /// The rule: 1 to 64 characters, ASCII letters, digits, '-', '_' and '.', compared without regard to case
    /// ("Payroll-2026-11" and "PAYROLL-2026-11" are one batch, so two hosts cannot split it by typing).
    /// </summary>
    public static class SenderBatchIds
    {
        public const int MaxLength = 64;

        /// <summary>Null when <paramref name="text"/> is a valid BatchId; otherwise what is wrong with it, and an example.</summary>
        public static string? Problem(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "-BatchId is empty. Name the pay run, once per run: for example -BatchId payroll-2026-11.";
            }

            if (text!.Length > MaxLength)
            {
                return $"-BatchId is {text.Length} characters long; at most {MaxLength} are allowed (for example payroll-2026-11).";
            }

            foreach (var c in text)
            {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'))
                {
                    return $"-BatchId '{text}' contains '{c}': use ASCII letters, digits, '-', '_' and '.' only (for example payroll-2026-11).";
                }
            }

            return null;
        }

        /// <summary>Whether two BatchIds name the same batch.</summary>
        public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>What RequestIds of the batch are derived from: the merchant and the BatchId, its case folded.</summary>
        public static string Seed(string merchant, string batchId) => "batch\n" + merchant + "\n" + batchId.ToUpperInvariant();
    }
}
