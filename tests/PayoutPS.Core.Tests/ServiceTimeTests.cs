using System;
using System.Collections.Generic;
using System.Globalization;
using PayoutPS.Core.Account;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The service's times are read by position; what they accept must be exactly what TryParseExact accepts.</summary>
    public class ServiceTimeTests
    {
        [Theory]
        [InlineData("2026-12-04 21:03:50", 2026, 12, 4, 21, 3, 50)]
        [InlineData("0001-01-01 00:00:00", 1, 1, 1, 0, 0, 0)]
        [InlineData("9999-12-31 23:59:59", 9999, 12, 31, 23, 59, 59)]
        [InlineData("2024-02-29 12:00:00", 2024, 2, 29, 12, 0, 0)]
        public void ReadsTheApisUtcFormat(string text, int year, int month, int day, int hour, int minute, int second)
        {
            var time = ServiceTime.Parse(text);

            Assert.Equal(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc), time);
            Assert.Equal(DateTimeKind.Utc, time!.Value.Kind);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("2025-02-29 12:00:00")] // not a leap year
        [InlineData("2026-13-01 00:00:00")]
        [InlineData("2026-12-04 24:00:00")]
        [InlineData("2026-12-04 23:60:00")]
        [InlineData("0000-01-01 00:00:00")]
        [InlineData("2026-12-04T21:03:50")]
        [InlineData(" 2026-12-04 21:03:50")]
        [InlineData("2026-12-04 21:03:50Z")]
        [InlineData("2026-12-04 21:03:5")]
        [InlineData("2026-1٢-04 21:03:50")] // an Arabic-Indic digit
        [InlineData("-026-12-04 21:03:50")]
        public void RefusesWhatIsNotThatFormat(string? text) => Assert.Null(ServiceTime.Parse(text));

        [Fact]
        public void AgreesWithTryParseExactOnMutatedTimes()
        {
            // Every one-character change of a few valid times (digits, separators, other characters): same answer as .NET's parser.
            var random = new Random(26);
            var alphabet = "0123456789 -:T/.Z+a٣９";
            var checkedTexts = 0;
            foreach (var valid in new[] { "2026-12-04 21:03:50", "2024-02-29 23:59:59", "1999-01-31 00:00:00", "2023-04-30 10:10:10" })
            {
                for (var position = 0; position < valid.Length; position++)
                {
                    foreach (var c in alphabet)
                    {
                        var text = valid.Substring(0, position) + c + valid.Substring(position + 1);
                        Assert.True(Reference(text) == ServiceTime.Parse(text), $"'{text}': reference {Reference(text)}, ours {ServiceTime.Parse(text)}");
                        checkedTexts++;
                    }
                }

                for (var i = 0; i < 500; i++)
                {
                    var text = new DateTime(random.Next(1, 9999), random.Next(1, 13), 1).AddDays(random.Next(0, 40)).AddSeconds(random.Next(0, 86400)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    Assert.Equal(Reference(text), ServiceTime.Parse(text));
                    checkedTexts++;
                }
            }

            Assert.True(checkedTexts > 2000);
        }

        private static DateTime? Reference(string text) =>
            DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? time : (DateTime?)null;
    }
}
