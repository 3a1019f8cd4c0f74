using System;
using PayoutPS.Core.Api;

namespace PayoutPS.Core.Transport
{
    /// <summary>What one HTTP attempt produced: an envelope to act on, or a transient failure to retry.</summary>
    public sealed class AttemptOutcome
    {
        private AttemptOutcome(ApiEnvelope? envelope, string? failure, TimeSpan? retryAfter)
        {
            Envelope = envelope;
            Failure = failure;
            RetryAfter = retryAfter;
        }

        /// <summary>Set unless the attempt failed transiently.</summary>
        public ApiEnvelope? Envelope { get; }

        /// <summary>Connection failure, timeout, 429, 5xx or respCode 11001: safe to retry with the same requestId.</summary>
        public bool IsTransient => Envelope == null;

        public string? Failure { get; }

        public TimeSpan? RetryAfter { get; }

        public static AttemptOutcome Answered(ApiEnvelope envelope) => new AttemptOutcome(envelope, null, null);

        public static AttemptOutcome Transient(string failure, TimeSpan? retryAfter = null) => new AttemptOutcome(null, failure, retryAfter);
    }
}
