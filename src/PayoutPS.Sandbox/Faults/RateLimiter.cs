using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PayoutPS.Sandbox.Faults
{
    /// <summary>[SANDBOX] A token bucket per merchant: at most N requests per second (0 = unlimited), answered with 429.</summary>
    internal sealed class RateLimiter
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, (double Tokens, TimeSpan At)> _buckets = new Dictionary<string, (double, TimeSpan)>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _perSecond;

        public RateLimiter(double perSecond)
        {
            _perSecond = perSecond;
        }

        public double PerSecond
        {
            get
            {
                lock (_gate)
                {
                    return _perSecond;
                }
            }

            set
            {
                lock (_gate)
                {
                    _perSecond = value;
                    _buckets.Clear();
                }
            }
        }

        public bool TryAcquire(string merchantNo)
        {
            lock (_gate)
            {
                if (_perSecond <= 0)
                {
                    return true;
                }

                var now = _clock.Elapsed;
                var (tokens, at) = _buckets.TryGetValue(merchantNo, out var bucket) ? bucket : (_perSecond, now);
                tokens = Math.Min(_perSecond, tokens + ((now - at).TotalSeconds * _perSecond));
                var allowed = tokens >= 1;
                _buckets[merchantNo] = (allowed ? tokens - 1 : tokens, now);
                return allowed;
            }
        }
    }
}
