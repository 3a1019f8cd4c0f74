using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Our SHA256withRSA against openssl's, in both directions, for every private key format.</summary>
    public class RsaInteropTests
    {
        private const string Canonical = "1774000000000000001N800209李小龙REQ-0001100.00USDEUR1";

        public static IEnumerable<object[]> PrivateKeyFormats() => new[]
        {
            new object[] { "PKCS#8 PEM" },
            new object[] { "PKCS#1 PEM" },
            new object[] { "encrypted PKCS#8 PEM" },
            new object[] { "bare base64 PKCS#8 DER" },
        };

        [Theory]
        [MemberData(nameof(PrivateKeyFormats))]
        public void Our_signature_verifies_with_openssl(string format)
        {
            var keys = OpenSslKeys.Shared;
            var signer = LoadPrivate(format);
            var name = Guid.NewGuid().ToString("N");
            File.WriteAllBytes(keys.PathOf(name + ".txt"), Encoding.UTF8.GetBytes(Canonical));
            File.WriteAllBytes(keys.PathOf(name + ".sig"), Convert.FromBase64String(signer.Sign(Canonical)));

            var exit = OpenSslKeys.Run("dgst", "-sha256", "-verify", keys.PathOf("public.pem"), "-signature", keys.PathOf(name + ".sig"), keys.PathOf(name + ".txt"));

            Assert.Equal(SignatureScheme.Rsa, signer.Scheme);
            Assert.Equal(0, exit);
        }

        [Theory]
        [InlineData("public PEM")]
        [InlineData("public base64")]
        [InlineData("private PEM")]
        public void Openssl_signature_verifies_with_ours(string verifierKey)
        {
            var keys = OpenSslKeys.Shared;
            var name = Guid.NewGuid().ToString("N");
            File.WriteAllBytes(keys.PathOf(name + ".txt"), Encoding.UTF8.GetBytes(Canonical));
            Assert.Equal(0, OpenSslKeys.Run("dgst", "-sha256", "-sign", keys.PathOf("pkcs1.pem"), "-out", keys.PathOf(name + ".sig"), keys.PathOf(name + ".txt")));
            var signature = Convert.ToBase64String(File.ReadAllBytes(keys.PathOf(name + ".sig")));
            var key = verifierKey == "public PEM" ? keys.PublicPem : verifierKey == "public base64" ? keys.PublicBase64 : keys.Pkcs8Pem;

            var verifier = KeyLoader.LoadVerifier(key);

            Assert.True(verifier.Verify(Canonical, signature));
            Assert.False(verifier.Verify(Canonical + "x", signature));
        }

        [Fact]
        public void A_signature_from_another_key_fails()
        {
            var signature = KeyLoader.LoadSigner(OpenSslKeys.Shared.OtherPem).Sign(Canonical);

            Assert.False(KeyLoader.LoadVerifier(OpenSslKeys.Shared.PublicPem).Verify(Canonical, signature));
        }

        [Fact]
        public void Every_format_of_one_key_gives_the_same_signature()
        {
            // PKCS#1 v1.5 is deterministic: the same key and text always give the same bytes.
            var expected = LoadPrivate("PKCS#8 PEM").Sign(Canonical);

            foreach (var format in PrivateKeyFormats())
            {
                Assert.Equal(expected, LoadPrivate((string)format[0]).Sign(Canonical));
            }
        }

        [Fact]
        public void A_key_file_loads_like_its_text()
        {
            var fromFile = KeyLoader.LoadSignerFromFile(OpenSslKeys.Shared.PathOf("encrypted.pem"), OpenSslKeys.Passphrase);

            Assert.Equal(LoadPrivate("PKCS#8 PEM").Sign(Canonical), fromFile.Sign(Canonical));
        }

        private static RequestSigner LoadPrivate(string format)
        {
            var keys = OpenSslKeys.Shared;
            switch (format)
            {
                case "PKCS#8 PEM": return KeyLoader.LoadSigner(keys.Pkcs8Pem);
                case "PKCS#1 PEM": return KeyLoader.LoadSigner(keys.Pkcs1Pem);
                case "encrypted PKCS#8 PEM": return KeyLoader.LoadSigner(keys.EncryptedPem, OpenSslKeys.Passphrase);
                default: return KeyLoader.LoadSigner(keys.Pkcs8Base64);
            }
        }
    }
}
