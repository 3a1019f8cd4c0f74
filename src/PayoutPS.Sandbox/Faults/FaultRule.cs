using System;

namespace PayoutPS.Sandbox.Faults
{
    /// <summary>
    /// One fault-injection rule from the control plane. It applies to one provider path (or "*") either for
    /// the next <see cref="Count"/> calls, or to each call with a seeded <see cref="Probability"/>.
    /// </summary>
    internal sealed class FaultRule
    {
        /// <summary>A path under /payout such as /api/v1/txn/remittance, or "*".</summary>
        public string Path { get; set; } = "*";

        /// <summary>
        /// http500, http503, http429, systemError (respCode 11001), reset, delay, commitThenDrop; and answers that
        /// must not be believed: successOther (committed, answered with another request's answer), truncateAfterCommit
        /// (committed, the JSON cut short), successNoData (committed, 20000 without data); listDelay (on the
        /// transaction list: payouts created within delayMs are not shown yet).
        /// </summary>
        public string Kind { get; set; } = string.Empty;

        public int? Count { get; set; }

        public double? Probability { get; set; }

        public int Seed { get; set; } = 1;

        /// <summary>For http429/http503: "2" (seconds) or "date:2" (an HTTP date 2 seconds ahead).</summary>
        public string? RetryAfter { get; set; }

        /// <summary>For delay: how long before the request is processed.</summary>
        public int DelayMs { get; set; } = 5000;

        internal Random? Random { get; set; }

        /// <summary>For successOther: the answer passed on last, which the next hit answers with.</summary>
        internal byte[]? CachedAnswer { get; set; }

        private static bool IsRetryAfter(string text)
        {
            var seconds = text.StartsWith("date:", StringComparison.Ordinal) ? text.Substring(5) : text;
            return int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value <= 86400;
        }

        public static readonly string[] Kinds = { "http500", "http503", "http429", "systemError", "reset", "delay", "commitThenDrop", "successOther", "truncateAfterCommit", "successNoData", "listDelay" };

        public string? Problem()
        {
            if (Array.IndexOf(Kinds, Kind) < 0)
            {
                return $"kind must be one of {string.Join(", ", Kinds)}.";
            }

            if ((Count == null) == (Probability == null))
            {
                return "give exactly one of count (the next N calls) or probability (0..1, with an optional seed).";
            }

            if (Count <= 0 || Probability < 0 || Probability > 1 || (Probability != null && double.IsNaN(Probability.Value)))
            {
                return "count must be positive and probability between 0 and 1.";
            }

            if (DelayMs < 0 || DelayMs > 600_000)
            {
                return "delayMs must be between 0 and 600000 (ten minutes).";
            }

            if (RetryAfter != null && !IsRetryAfter(RetryAfter))
            {
                return "retryAfter must be whole seconds (\"2\") or \"date:\" and seconds (\"date:2\"), at most 86400.";
            }

            return null;
        }
    }
}
