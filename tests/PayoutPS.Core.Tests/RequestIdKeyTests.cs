using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>A journal's index matches an outcome to its intent by <see cref="RequestIdKey"/>: equal keys exactly for equal requestIds.</summary>
    public sealed class RequestIdKeyTests
    {
        [Theory]
        [InlineData("R-1")]
        [InlineData("06dbea4e6b995685e79fc2778bd2bebb")]
        [InlineData("Zahlung-März-Ünal")]
        public void The_same_requestId_gives_the_same_key(string requestId)
        {
            Assert.Equal(RequestIdKey.Of(requestId), RequestIdKey.Of(new string(requestId.ToCharArray())));
            Assert.Equal(RequestIdKey.Of(requestId).GetHashCode(), RequestIdKey.Of(new string(requestId.ToCharArray())).GetHashCode());
        }

        [Theory]
        [InlineData("R-1", "r-1")]   // requestIds are compared as written: case counts
        [InlineData("R-1", "R-1 ")]
        [InlineData("R-1", "R-10")]
        [InlineData("Ü", "U")]
        public void Requestids_that_differ_at_all_give_different_keys(string one, string other) =>
            Assert.NotEqual(RequestIdKey.Of(one), RequestIdKey.Of(other));

        [Fact]
        public void A_requestId_longer_than_the_stack_buffer_is_keyed_whole()
        {
            var prefix = new string('x', 400);
            Assert.Equal(RequestIdKey.Of(prefix + "1"), RequestIdKey.Of(prefix + "1"));
            Assert.NotEqual(RequestIdKey.Of(prefix + "1"), RequestIdKey.Of(prefix + "2"));
        }

        [Fact]
        public void Two_hundred_thousand_requestIds_give_as_many_keys()
        {
            var ids = Enumerable.Range(1, 100_000).SelectMany(i => new[] { GeneratedRequestIds.Derive("batch", "content", i), $"P1-{i:D7}" }).ToList();
            Assert.Equal(ids.Count, new HashSet<string>(ids).Count);
            Assert.Equal(ids.Count, new HashSet<RequestIdKey>(ids.Select(RequestIdKey.Of)).Count);
        }
    }
}
