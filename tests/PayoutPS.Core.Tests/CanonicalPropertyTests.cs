using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Properties of the canonical string and signer over many seeded random requests.</summary>
    public class CanonicalPropertyTests
    {
        private const string Secret = "fedcba9876543210fedcba9876543210";
        private static readonly string[] Samples = { "100.00", "0", "USD", "李小龙", "محمد", "Zoë Ñúñez", "a b", "{\"x\":\"1\"}", "Z", "_" };

        public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 25).Select(seed => new object[] { seed });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Input_order_never_changes_the_sign(int seed)
        {
            var random = new Random(seed);
            var pairs = RandomPairs(random);
            var shuffled = pairs.OrderBy(_ => random.Next()).ToList();

            Assert.Equal(SignOf(pairs), SignOf(shuffled));
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Adding_a_null_or_empty_field_never_changes_the_sign(int seed)
        {
            var random = new Random(seed);
            var pairs = RandomPairs(random);
            var withEmpty = new List<KeyValuePair<string, object?>>(pairs)
            {
                new KeyValuePair<string, object?>("zzEmpty", ""),
                new KeyValuePair<string, object?>("aaNull", null),
            };

            Assert.Equal(SignOf(pairs), SignOf(withEmpty));
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Changing_any_signed_value_always_changes_the_sign(int seed)
        {
            var random = new Random(seed);
            var pairs = RandomPairs(random);
            var original = SignOf(pairs);

            for (var i = 0; i < pairs.Count; i++)
            {
                var changed = new List<KeyValuePair<string, object?>>(pairs);
                changed[i] = new KeyValuePair<string, object?>(pairs[i].Key, pairs[i].Value + "1");
                Assert.NotEqual(original, SignOf(changed));
            }
        }

        [Fact]
        public void Sort_is_ordinal_not_linguistic()
        {
            var fields = RequestFields.FromPairs(new Dictionary<string, object?> { ["b"] = "5", ["_"] = "3", ["a"] = "4", ["B"] = "2", ["A"] = "1" });

            Assert.Equal("12345", CanonicalString.Build(fields));
        }

        [Theory]
        [InlineData("李小龙")]
        [InlineData("محمد بن سلمان")]
        [InlineData("José Müller-Ødegård")]
        public void Non_ascii_values_hash_as_utf8(string name)
        {
            var fields = RequestFields.FromPairs(new Dictionary<string, object?> { ["name"] = name, ["merchantNo"] = "800209" });
            var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("800209" + name + Secret))).ToLowerInvariant();

            Assert.Equal(expected, RequestSigning.Sign(fields, new Sha256SecretSigner(Secret)).Sign);
        }

        [Fact]
        public void Body_carries_every_value_as_a_string_and_sign_last()
        {
            var fields = RequestFields.FromPairs(new Dictionary<string, object?> { ["size"] = 20, ["amount"] = 1.50m, ["id"] = 1774000000000000001L, ["skip"] = null });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.StartsWith("{\"size\":\"20\",\"amount\":\"1.50\",\"id\":\"1774000000000000001\",\"sign\":\"", signed.Body);
        }

        [Fact]
        public void A_given_sign_field_is_replaced_not_signed()
        {
            var fields = RequestFields.FromPairs(new Dictionary<string, object?> { ["a"] = "1", ["sign"] = "stale" });

            var signed = RequestSigning.Sign(fields, new Sha256SecretSigner(Secret));

            Assert.Equal("1", signed.CanonicalString);
            Assert.DoesNotContain("stale", signed.Body);
        }

        [Fact]
        public void Floating_point_amounts_are_refused_with_the_field_named()
        {
            var error = Assert.Throws<PayoutRequestException>(() => RequestFields.FromPairs(new Dictionary<string, object?> { ["sourceAmount"] = 1.5d }));

            Assert.Contains("sourceAmount", error.Message);
            Assert.Contains("string", error.Message);
        }

        [Fact]
        public void Json_input_keeps_number_text_and_compacts_nested_objects()
        {
            var fields = Json.PayoutJson.ReadFields("{ \"amount\": 100.00, \"payee\": { \"a\" : 1 }, \"flag\": true, \"gone\": null }");

            Assert.Equal("100.00", RequestFields.Find(fields, "amount"));
            Assert.Equal("{\"a\":1}", RequestFields.Find(fields, "payee"));
            Assert.Equal("true", RequestFields.Find(fields, "flag"));
            Assert.Null(RequestFields.Find(fields, "gone"));
        }

        [Fact]
        public void Duplicate_field_names_are_refused()
        {
            var error = Assert.Throws<PayoutRequestException>(() => Json.PayoutJson.ReadFields("{\"a\":\"1\",\"a\":\"2\"}"));

            Assert.Contains("'a'", error.Message);
        }

        private static string SignOf(IEnumerable<KeyValuePair<string, object?>> pairs) =>
            RequestSigning.Sign(RequestFields.FromPairs(pairs), new Sha256SecretSigner(Secret)).Sign;

        private static List<KeyValuePair<string, object?>> RandomPairs(Random random)
        {
            var count = random.Next(2, 12);
            return Enumerable.Range(0, count)
                .Select(i => new KeyValuePair<string, object?>($"f{random.Next(1000)}_{i}", Samples[random.Next(Samples.Length)] + i))
                .ToList();
        }
    }
}
