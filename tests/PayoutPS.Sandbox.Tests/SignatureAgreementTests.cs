using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Money;
using PayoutPS.Core.Signing;
using PayoutPS.Sandbox.Signing;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>
    /// The sandbox signs and verifies with its own code, not the client's; this is the one place that proves
    /// the two agree: on the provider's official vector and on random bodies, both schemes, both directions.
    /// </summary>
    public class SignatureAgreementTests
    {
        private const string Secret = "3b5e10b65bff4172a5b9ca2d2ec00a6e";

        [Fact]
        public void The_official_vector()
        {
            var fields = new Dictionary<string, string?> { ["test1"] = "0", ["test3"] = "test3value", ["test4"] = "test4value", ["test5"] = "", ["test6"] = null };

            var canonical = SandboxSignature.Canonical(fields);

            Assert.Equal("0test3valuetest4value", canonical);
            Assert.Equal("836831ae68fce5e61d4a64363bb72c636efe6e94b62ecaa8d1c95fc58cc9cbed", SandboxSignature.SignWithSecret(canonical, Secret));
        }

        [Fact]
        public void Random_bodies_signed_by_the_client_verify_in_the_sandbox_and_back()
        {
            var random = new Random(2026);
            using var rsa = RSA.Create(2048);
            var clientRsa = KeyLoader.LoadSigner(rsa.ExportPkcs8PrivateKeyPem());
            var sandboxRsa = SandboxSignature.PublicKey(rsa.ExportSubjectPublicKeyInfoPem())!;
            var clientSha = new Sha256SecretSigner(Secret);
            for (var i = 0; i < 300; i++)
            {
                var fields = RandomFields(random);
                var asWire = fields.Select(f => new RequestField(f.Key, f.Value)).ToList();
                var clientCanonical = CanonicalString.Build(asWire);
                var sandboxCanonical = SandboxSignature.Canonical(fields);
                Assert.Equal(clientCanonical, sandboxCanonical);

                Assert.True(SandboxSignature.VerifySecret(sandboxCanonical, clientSha.Sign(clientCanonical), Secret));
                Assert.True(clientSha.Verify(clientCanonical, SandboxSignature.SignWithSecret(sandboxCanonical, Secret)));
                Assert.True(SandboxSignature.VerifyRsa(sandboxCanonical, clientRsa.Sign(clientCanonical), sandboxRsa));
                Assert.True(KeyLoader.LoadVerifier(rsa.ExportSubjectPublicKeyInfoPem()).Verify(clientCanonical, SandboxSignature.SignWithRsa(sandboxCanonical, rsa)));
            }
        }

        [Theory]
        [InlineData("100.00", "USD")]
        [InlineData("100", "USD")]
        [InlineData("7.5", "USD")]
        [InlineData("15000", "JPY")]
        [InlineData("1.125", "KWD")]
        [InlineData("1,50", "USD")]
        [InlineData("0.00", "USD")]
        [InlineData("10.123", "USD")]
        [InlineData("100.5", "JPY")]
        [InlineData("-5", "USD")]
        [InlineData("1e3", "USD")]
        public void Both_sides_accept_and_refuse_the_same_amounts(string text, string currency)
        {
            var client = Amount.Normalize(text, currency, out _);
            var sandbox = Model.Currencies.ParseAmount(text, currency, out _);

            Assert.Equal(client != null, sandbox != null);
            if (client != null)
            {
                Assert.Equal(decimal.Parse(client, System.Globalization.CultureInfo.InvariantCulture), sandbox);
            }
        }

        private static Dictionary<string, string?> RandomFields(Random random)
        {
            const string alphabet = "abcXYZ_09 éü中\"\\{}:,";
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            var count = random.Next(1, 12);
            for (var i = 0; i < count; i++)
            {
                var name = "f" + random.Next(0, 40) + (random.Next(2) == 0 ? "A" : "a");
                var length = random.Next(0, 12);
                fields[name] = length == 0 ? (random.Next(2) == 0 ? "" : null) : new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            }

            return fields;
        }
    }
}
