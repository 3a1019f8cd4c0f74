using System;
using System.Diagnostics;
using System.Threading;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The rows a batch may hold at once. Like a SemaphoreSlim, but a waiter sleeps at once instead of spinning
    /// first: the pipeline thread waits for a slot after nearly every row of a busy batch, and spinning there
    /// takes CPU from the very requests it waits for. All slots free again means the batch is idle.
    /// </summary>
    internal sealed class SendSlots
    {
        private readonly object _gate = new object();
        private readonly int _count;
        private int _free;

        public SendSlots(int count)
        {
            _count = Math.Max(1, count);
            _free = _count;
        }

        /// <summary>Takes a slot, waiting up to <paramref name="wait"/> for one; false if none freed up.</summary>
        public bool TryTake(TimeSpan wait)
        {
            lock (_gate)
            {
                if (_free == 0)
                {
                    Monitor.Wait(_gate, wait);
                }

                if (_free == 0)
                {
                    return false; // timed out (or another waiter took it): the caller drains results and asks again
                }

                _free--;
                return true;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _free++;
                Monitor.PulseAll(_gate); // a waiter for one slot, or one for all of them (WaitAllFree)
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
