using System;
using System.Linq;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>The transaction list's order, whether payouts were booked in order or not.</summary>
    public class PayoutOrderingTests
    {
        private static readonly DateTime Noon = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

        private static Payout Booked(string id, int second) => new Payout { PayoutId = id, CreateTime = Noon.AddSeconds(second) };

        [Fact]
        public void Payouts_booked_in_order_come_out_newest_first()
        {
            var booked = new[] { Booked("1774000000000000001", 0), Booked("1774000000000000002", 0), Booked("1774000000000000003", 5) };

            var listed = PayoutOrdering.NewestFirst(booked);

            Assert.Equal(new[] { "1774000000000000003", "1774000000000000002", "1774000000000000001" }, listed.Select(p => p.PayoutId));
        }

        [Fact]
        public void Payouts_booked_out_of_order_are_sorted_by_time_then_id()
        {
            // The clock moved back between the second and third booking, and a restored snapshot lists ids out of order.
            var booked = new[] { Booked("1774000000000000002", 10), Booked("1774000000000000001", 10), Booked("1774000000000000003", 5), Booked("1774000000000000004", 20) };

            var listed = PayoutOrdering.NewestFirst(booked);

            Assert.Equal(new[] { "1774000000000000004", "1774000000000000002", "1774000000000000001", "1774000000000000003" }, listed.Select(p => p.PayoutId));
        }
    }
}
