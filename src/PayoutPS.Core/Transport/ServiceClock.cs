using System;
using System.Threading;

namespace PayoutPS.Core.Transport
{
    /// <summary>
    /// The service's clock as its answers tell it (the HTTP Date header). Payouts' createTime is written by that
    /// clock, so the duplicate guard's window and a payout's age are judged by it: this machine's clock may be
    /// minutes or hours off, and a window drawn by it would miss payouts the service just made.
    /// </summary>
    public sealed class ServiceClock
    {
        private readonly Func<DateTime> _localUtcNow;
        private long _offsetTicks;
        private int _known;

        public ServiceClock(Func<DateTime>? localUtcNow = null)
        {
            _localUtcNow = localUtcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>The service's time now, from the last Date header seen; null before any answer carried one.</summary>
        public DateTime? UtcNow => Volatile.Read(ref _known) == 0 ? (DateTime?)null : _localUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        /// <summary>How far the service's clock is ahead of this machine's (negative: behind); null when unknown.</summary>
        public TimeSpan? Offset => Volatile.Read(ref _known) == 0 ? (TimeSpan?)null : TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        /// <summary>Takes the Date header of an answer just received (whole seconds: the offset is good to about one).</summary>
        public void Observe(DateTimeOffset? serverDate)
        {
            if (serverDate == null)
            {
                return;
            }

            Interlocked.Exchange(ref _offsetTicks, (serverDate.Value.UtcDateTime - _localUtcNow()).Ticks);
            Volatile.Write(ref _known, 1);
        }
    }
}
