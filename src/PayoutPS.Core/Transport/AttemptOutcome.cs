using System;
using PayoutPS.Core.Api;

namespace PayoutPS.Core.Transport
{
    /// <summary>What one HTTP attempt produced: an envelope to act on, or a transient failure to retry.</summary>
    public sealed class AttemptOutcome
    {
        private AttemptOutcome(ApiEnvelope? envelope, string? failure, TimeSpan? retryAfter, bool mayHaveArrived)
        {
            Envelope = envelope;
            Failure = failure;
            RetryAfter = retryAfter;
            MayHaveArrived = mayHaveArrived;
        }

        /// <summary>Set unless the attempt failed transiently.</summary>
        public ApiEnvelope? Envelope { get; }

        /// <summary>Connection failure, timeout, 429, 5xx or respCode 11001: safe to retry with the same requestId.</summary>
        public bool IsTransient => Envelope == null;

        public string? Failure { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// False only when the request provably never reached the service (the connection was refused, the
        /// host unknown, or the service answered 429 "too many requests"). A timeout, a cut connection or a
        /// 5xx may have been processed: the answer was lost, not the request.
        /// </summary>
        public bool MayHaveArrived { get; }

        public static AttemptOutcome Answered(ApiEnvelope envelope) => new AttemptOutcome(envelope, null, null, true);

        public static AttemptOutcome Transient(string failure, TimeSpan? retryAfter = null, bool mayHaveArrived = true) =>
            new AttemptOutcome(null, failure, retryAfter, mayHaveArrived);
    }
}
