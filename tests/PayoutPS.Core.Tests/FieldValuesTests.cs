using System;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 17: a time is signed as the UTC instant it is, or refused when it does not say which.</summary>
    public class FieldValuesTests
    {
        [Fact]
        public void A_utc_time_is_signed_as_written()
        {
            Assert.Equal("2026-11-29 14:35:28", FieldValues.ToWire("beginTime", new DateTime(2026, 11, 29, 14, 35, 28, DateTimeKind.Utc)));
        }

        [Fact]
        public void A_local_time_is_converted_to_utc_not_relabelled()
        {
            var local = new DateTime(2026, 11, 29, 14, 35, 28, DateTimeKind.Local);

            Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss"), FieldValues.ToWire("beginTime", local));
        }

        [Fact]
        public void A_time_without_a_zone_is_refused_with_the_fix()
        {
            var error = Assert.Throws<PayoutRequestException>(() => FieldValues.ToWire("beginTime", new DateTime(2026, 11, 29, 14, 35, 28)));

            Assert.Contains("Field 'beginTime' is a time without a zone (2026-11-29 14:35:28)", error.Message);
            Assert.Contains("ToUniversalTime()", error.Message);
        }
    }
}
