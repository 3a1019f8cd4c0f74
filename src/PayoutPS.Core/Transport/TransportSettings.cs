using System;
using System.Net;

namespace PayoutPS.Core.Transport
{
    /// <summary>Timeouts, retries and proxy for one connection. Defaults suit an unattended payout run.</summary>
    public sealed class TransportSettings
    {
        /// <summary>The API base, e.g. https://sandbox-api.onerway.com/payout (no trailing slash needed).</summary>
        public Uri BaseUri { get; set; } = new Uri("http://127.0.0.1/payout");

        /// <summary>Per attempt.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>The first backoff ceiling; it doubles per retry up to <see cref="RetryMaxDelay"/> (full jitter below it).</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited for: the attempt fails instead.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        public IWebProxy? Proxy { get; set; }

        public TransportSettings Clone() => (TransportSettings)MemberwiseClone();
    }
}
