using System;

namespace PayoutPS.Core.Transport
{
    /// <summary>
    /// Exponential backoff with full jitter and a cap (design.md §3.2): the n-th retry waits a random time in
    /// [0, min(cap, base·2ⁿ⁻¹)], or what the service asked for with Retry-After.
    /// </summary>
    public static class Backoff
    {
        public static TimeSpan Delay(int retry, TimeSpan? retryAfter, TransportSettings settings, Random random)
        {
            if (retryAfter != null)
            {
                return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            }

            var ceiling = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
            ceiling = Math.Min(ceiling, settings.RetryMaxDelay.TotalMilliseconds);
            double sample;
            lock (random)
            {
                sample = random.NextDouble();
            }

            return TimeSpan.FromMilliseconds(sample * ceiling);
        }
    }
}
