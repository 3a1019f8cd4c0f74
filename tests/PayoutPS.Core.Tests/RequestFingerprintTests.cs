using System;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Journals store fingerprints: the text they hash may never change, however it is computed.</summary>
    public class RequestFingerprintTests
    {
        [Fact]
        public void HashesNameValueLinesInOrdinalOrderWithoutTheKeyFields()
        {
            var fields = new[]
            {
                new RequestField("sendAmount", "100.00"),
                new RequestField("requestId", "INV-1"),
                new RequestField("merchantNo", "800100"),
                new RequestField("Reference", "line one\nC:\\pay"),
                new RequestField("empty", ""),
                new RequestField("absent", null),
                new RequestField("lastName", "Müller"),
            };

            // The documented text, written out by hand: "Reference" sorts before lower case; "\" and a newline escaped.
            var expected = Sha256Hex("Reference=line one\\nC:\\\\pay\nlastName=Müller\nsendAmount=100.00\n");

            Assert.Equal(expected, RequestFingerprint.Of(fields));
        }

        [Fact]
        public void ALongRowAfterAShortOneIsHashedWhole()
        {
            // The buffers are reused row after row: a longer row must not be cut to the earlier row's length, nor a shorter one keep its tail.
            var longValue = new string('x', 5000);
            var shortRow = new[] { new RequestField("a", "1") };
            var longRow = new[] { new RequestField("a", longValue) };

            Assert.Equal(Sha256Hex("a=1\n"), RequestFingerprint.Of(shortRow));
            Assert.Equal(Sha256Hex("a=" + longValue + "\n"), RequestFingerprint.Of(longRow));
            Assert.Equal(Sha256Hex("a=1\n"), RequestFingerprint.Of(shortRow));
        }

        private static string Sha256Hex(string text)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(text))).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
