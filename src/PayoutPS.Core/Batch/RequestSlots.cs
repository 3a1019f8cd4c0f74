using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The N requests a batch may have out at once. A row whose intent is written waits here for one; a finished
    /// request hands its slot straight to the longest-waiting row and starts it on its own thread, up to that row's
    /// first network wait. SemaphoreSlim's WaitAsync(token) registers on the token and queues a thread-pool item for
    /// each waiter it releases: with intents written ahead nearly every row waits, so that was paid per row, on the
    /// cores the requests need (6 % of a piped batch's rate, bench/README.md).
    /// </summary>
    internal sealed class RequestSlots : IDisposable
    {
        private static readonly Task<bool> Granted = Task.FromResult(true);
        private static readonly Task<bool> Refused = Task.FromResult(false);

        private readonly object _gate = new object();
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly CancellationTokenRegistration _stopping;
        private int _free;
        private bool _stopped;

        /// <param name="count">Requests out at once.</param>
        /// <param name="stop">Once cancelled, no slot is given: every waiting and later row gets false.</param>
        public RequestSlots(int count, CancellationToken stop)
        {
            _free = Math.Max(1, count);
            _stopping = stop.Register(Stop);
        }

        /// <summary>True once a slot is this row's (release it with <see cref="Release"/>); false once the run is stopping.</summary>
        public Task<bool> TakeAsync()
        {
            lock (_gate)
            {
                if (_stopped)
                {
                    return Refused;
                }

                if (_free > 0)
                {
                    _free--;
                    return Granted;
                }

                // Continuations run where the slot is released (no RunContinuationsAsynchronously): the hand-off above.
                var waiter = new TaskCompletionSource<bool>();
                _waiting.Enqueue(waiter);
                return waiter.Task;
            }
        }

        /// <summary>Gives the slot to the longest-waiting row, which continues on this thread; free again if none waits.</summary>
        public void Release()
        {
            TaskCompletionSource<bool> next;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _free++;
                    return;
                }

                next = _waiting.Dequeue();
            }

            next.SetResult(true); // outside the lock: the next row sends from here
        }

        /// <summary>Stopping: every waiting row learns it may not send, on a thread-pool thread (not the one that cancelled).</summary>
        private void Stop()
        {
            TaskCompletionSource<bool>[] waiting;
            lock (_gate)
            {
                _stopped = true;
                waiting = _waiting.ToArray();
                _waiting.Clear();
            }

            if (waiting.Length > 0)
            {
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    foreach (var row in waiting)
                    {
                        row.SetResult(false);
                    }
                });
            }
        }

        public void Dispose() => _stopping.Dispose();
    }
}
