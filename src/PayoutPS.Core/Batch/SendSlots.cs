using System;
using System.Diagnostics;
using System.Threading;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The rows a batch may hold at once. Like a SemaphoreSlim, but a waiter sleeps at once instead of spinning
    /// first, and once all slots are taken it wakes only when a quarter of them are free again: the pipeline
    /// thread then admits rows in bursts instead of being woken (and switched to) once per finished row, and
    /// spinning or switching there takes CPU from the very requests it waits for. All slots free means idle.
    /// </summary>
    internal sealed class SendSlots
    {
        private readonly object _gate = new object();
        private readonly int _count;
        private readonly int _refill;
        private int _free;
        private int _waiters;

        public SendSlots(int count)
        {
            _count = Math.Max(1, count);
            _refill = Math.Max(1, _count / 4);
            _free = _count;
        }

        /// <summary>Takes a slot; when none is free, waits until a quarter are (or <paramref name="wait"/> passes); false if none freed up.</summary>
        public bool TryTake(TimeSpan wait)
        {
            lock (_gate)
            {
                if (_free == 0)
                {
                    _waiters++;
                    Monitor.Wait(_gate, wait); // pulsed when _refill slots are free
                    _waiters--;
                }

                if (_free == 0)
                {
                    return false; // timed out (or another waiter took them): the caller drains results and asks again
                }

                _free--;
                return true;
            }
        }

        /// <summary>Threads asleep in TryTake (for tests that must release only once someone waits).</summary>
        internal int Waiters
        {
            get
            {
                lock (_gate)
                {
                    return _waiters;
                }
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _free++;
                if (_free == _refill || _free == _count)
                {
                    Monitor.PulseAll(_gate); // a waiter for a burst of slots (TryTake), or one for all of them (WaitAllFree)
                }
            }
        }

        /// <summary>Waits up to <paramref name="wait"/> until every slot is free; false if some are still taken.</summary>
        public bool WaitAllFree(TimeSpan wait)
        {
            var watch = Stopwatch.StartNew();
            lock (_gate)
            {
                while (_free < _count)
                {
                    var left = wait - watch.Elapsed;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                    {
                        return _free == _count;
                    }
                }

                return true;
            }
        }
    }
}
