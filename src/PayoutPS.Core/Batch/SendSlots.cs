using System;
using System.Threading;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The N requests a batch may have in flight. Like a SemaphoreSlim, but a waiter sleeps at once instead of
    /// spinning first: the pipeline thread waits for a slot after nearly every row of a busy batch, and spinning
    /// there takes CPU from the very requests it waits for.
    /// </summary>
    internal sealed class SendSlots
    {
        private readonly object _gate = new object();
        private int _free;

        public SendSlots(int count)
        {
            _free = Math.Max(1, count);
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
                Monitor.Pulse(_gate);
            }
        }
    }
}
