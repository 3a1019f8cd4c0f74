using System;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    public sealed class RequestSlotsTests
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

        /// <summary>Runs <paramref name="step"/> on a thread of its own and returns that thread's id.</summary>
        private static int OnOwnThread(Action step)
        {
            var thread = new Thread(() => step()) { IsBackground = true };
            thread.Start();
            Assert.True(thread.Join(Deadline), "the step never ended");
            return thread.ManagedThreadId;
        }

        [Fact]
        public async Task Slots_are_given_at_once_until_none_is_free_and_a_release_frees_one_when_nobody_waits()
        {
            using var slots = new RequestSlots(2, CancellationToken.None);
            var first = slots.TakeAsync();
            var second = slots.TakeAsync();
            var third = slots.TakeAsync();
            Assert.True(first.IsCompleted && await first);
            Assert.True(second.IsCompleted && await second);
            Assert.False(third.IsCompleted, "two slots, three rows: the third waits");

            slots.Release(); // to the third
            Assert.True(await third.WaitAsync(Deadline));
            slots.Release(); // nobody waits: free
            var fourth = slots.TakeAsync();
            Assert.True(fourth.IsCompleted && await fourth);
        }

        [Fact]
        public async Task A_released_slot_goes_to_the_longest_waiting_row_which_continues_on_the_releasing_thread()
        {
            using var slots = new RequestSlots(1, CancellationToken.None);
            Assert.True(await slots.TakeAsync());
            var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
            int? firstRanOn = null;
            var first = slots.TakeAsync().ContinueWith(t =>
            {
                firstRanOn = Environment.CurrentManagedThreadId;
                order.Enqueue("first");
                return t.Result;
            }, TaskContinuationOptions.ExecuteSynchronously);
            var second = slots.TakeAsync().ContinueWith(t =>
            {
                order.Enqueue("second");
                return t.Result;
            }, TaskContinuationOptions.ExecuteSynchronously);

            var releaser = OnOwnThread(slots.Release);
            Assert.True(first.IsCompleted, "the hand-off ran the waiting row before Release returned");
            Assert.True(await first);
            Assert.Equal(releaser, firstRanOn);
            Assert.False(second.IsCompleted, "one release, one row");

            OnOwnThread(slots.Release);
            Assert.True(await second.WaitAsync(Deadline));
            Assert.Equal(new[] { "first", "second" }, order.ToArray());
        }

        [Fact]
        public async Task Stopping_refuses_every_waiting_row_off_the_stopping_thread_and_every_later_one()
        {
            using var stop = new CancellationTokenSource();
            using var slots = new RequestSlots(1, stop.Token);
            Assert.True(await slots.TakeAsync());
            int? refusedOn = null;
            var waiting = slots.TakeAsync().ContinueWith(t =>
            {
                refusedOn = Environment.CurrentManagedThreadId;
                return t.Result;
            }, TaskContinuationOptions.ExecuteSynchronously);

            var stopper = OnOwnThread(stop.Cancel);
            Assert.False(await waiting.WaitAsync(Deadline), "a row waiting when the run stopped may not send");
            Assert.NotEqual(stopper, refusedOn);

            var later = slots.TakeAsync();
            Assert.True(later.IsCompleted);
            Assert.False(await later);

            slots.Release(); // the slot taken before the stop comes back without giving anything out
            var afterRelease = slots.TakeAsync();
            Assert.True(afterRelease.IsCompleted);
            Assert.False(await afterRelease);
        }
    }
}
