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
                    return _base + TimeSpan.FromTicks((long)((_real.Elapsed - _realAtBase).Ticks * _speed));
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

        public void Advance(TimeSpan by)
        {
            lock (_gate)
            {
                Rebase();
                _base += by;
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
            _base += TimeSpan.FromTicks((long)((elapsed - _realAtBase).Ticks * _speed));
            _realAtBase = elapsed;
        }
    }
}
