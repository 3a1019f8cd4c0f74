using System;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    public sealed class SendSlotsTests
    {
        private static async Task Asleep(SendSlots slots)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (slots.Waiters == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the waiter never went to sleep");
                await Task.Delay(5);
            }
        }

        private static async Task<bool> Finishes(Task task, int milliseconds) => await Task.WhenAny(task, Task.Delay(milliseconds)) == task;

        [Fact]
        public async Task A_full_batch_wakes_its_waiter_once_a_quarter_of_the_slots_are_free_not_per_slot()
        {
            var slots = new SendSlots(8); // a quarter: 2
            for (var i = 0; i < 8; i++)
            {
                Assert.True(slots.TryTake(TimeSpan.Zero));
            }

            var waiter = Task.Run(() => slots.TryTake(TimeSpan.FromSeconds(30)));
            await Asleep(slots);
            slots.Release();
            Assert.False(await Finishes(waiter, 300), "one free slot of eight does not wake the waiter");

            slots.Release();
            Assert.True(await Finishes(waiter, 10000), "two free slots of eight wake it");
            Assert.True(await waiter);
            Assert.True(slots.TryTake(TimeSpan.Zero), "the other freed slot is taken without waiting");
            Assert.False(slots.TryTake(TimeSpan.Zero));
        }

        [Fact]
        public void A_waiter_that_times_out_still_takes_a_slot_freed_meanwhile()
        {
            var slots = new SendSlots(8);
            for (var i = 0; i < 8; i++)
            {
                Assert.True(slots.TryTake(TimeSpan.Zero));
            }

            // Own threads, not the thread pool: under load a pool continuation can wait seconds for a thread, and the
            // release must come while the waiter still waits (it failed that way once in twenty runs beside two busy loops).
            var taken = false;
            var waiter = new Thread(() => taken = slots.TryTake(TimeSpan.FromSeconds(3))) { IsBackground = true };
            waiter.Start();
            Assert.True(SpinWait.SpinUntil(() => slots.Waiters > 0, TimeSpan.FromSeconds(30)), "the waiter never went to sleep");
            slots.Release(); // below the wake-up mark: no pulse, but the slot is free when the wait ends

            // The wait ends by itself after 3 s; a generous deadline only keeps a broken build from hanging.
            Assert.True(waiter.Join(TimeSpan.FromMinutes(2)), "the waiter never woke");
            Assert.True(taken);
        }

        [Fact]
        public async Task All_slots_free_wakes_a_wait_for_idle()
        {
            var slots = new SendSlots(4);
            Assert.True(slots.TryTake(TimeSpan.Zero));
            Assert.True(slots.TryTake(TimeSpan.Zero));
            var idle = Task.Run(() => slots.WaitAllFree(TimeSpan.FromSeconds(30)));
            slots.Release();
            Assert.False(await Finishes(idle, 300), "one slot is still taken");
            slots.Release();
            Assert.True(await Finishes(idle, 10000));
            Assert.True(await idle);
        }
    }
}
