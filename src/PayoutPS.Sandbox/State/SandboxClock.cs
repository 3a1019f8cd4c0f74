using System;
using System.Diagnostics;

namespace PayoutPS.Sandbox.State
{
    /// <summary>
    /// [SANDBOX] Virtual time that drives statuses, reviews and callback retries: real time times a speed
    /// factor, plus whatever the control plane advanced it by.
    /// </summary>
    internal sealed class SandboxClock
    {
        // Never closer than a year to DateTime's end: times a year ahead (review and callback schedules) still fit.
        private static readonly DateTime Latest = DateTime.MaxValue - TimeSpan.FromDays(366);

        private readonly object _gate = new object();
        private readonly Stopwatch _real = Stopwatch.StartNew();
        private DateTime _base;
        private TimeSpan _realAtBase;
        private double _speed;

        public SandboxClock(DateTime start, double speed)
        {
            _base = start;
            _speed = speed;
        }

        public DateTime UtcNow
        {
            get
            {
                lock (_gate)
                {
                    return Add(_base, (_real.Elapsed - _realAtBase).Ticks * _speed);
                }
            }
        }

        public double Speed
        {
            get
            {
                lock (_gate)
                {
                    return _speed;
                }
            }
        }

        /// <summary>Moves the clock by <paramref name="by"/>, forward or back (a service whose clock is off).</summary>
        public void Advance(TimeSpan by)
        {
            lock (_gate)
            {
                Rebase();
                _base = by >= TimeSpan.Zero ? Add(_base, by.Ticks) : _base - DateTime.MinValue > by.Negate() ? _base + by : DateTime.MinValue;
            }
        }

        public void SetSpeed(double speed)
        {
            lock (_gate)
            {
                Rebase();
                _speed = speed;
            }
        }

        private void Rebase()
        {
            var elapsed = _real.Elapsed;
            _base = Add(_base, (elapsed - _realAtBase).Ticks * _speed);
            _realAtBase = elapsed;
        }

        /// <summary>Clamped arithmetic: an advanced clock at a high speed stops at <see cref="Latest"/> instead of overflowing.</summary>
        private static DateTime Add(DateTime time, double ticks) =>
            ticks >= (Latest - time).Ticks ? Latest : time + TimeSpan.FromTicks((long)Math.Max(0, ticks));
    }
}
