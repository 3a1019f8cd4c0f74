using System;
using System.IO;
using System.Text.Json;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Bad key material gets a message that says what was expected, and never echoes the key.</summary>
    public class KeyErrorTests
    {
        [Theory]
        [InlineData("0123456789abcdef0123456789abcde", "32 or 64 hexadecimal")]
        [InlineData("not a key at all !!", "not valid base64")]
        [InlineData("   ", "empty")]
        public void Malformed_text_names_what_was_expected(string key, string expected)
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(key, scheme: key.Length == 31 ? SignatureScheme.Sha256 : null));

            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void An_ec_key_is_refused_as_not_rsa()
        {
            Assert.Contains("EC key", Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(OpenSslKeys.Shared.EcPem)).Message);
            Assert.Contains("EC key", Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(OpenSslKeys.Shared.EcPkcs8Pem)).Message);
        }

        [Fact]
        public void A_wrong_passphrase_says_so()
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(OpenSslKeys.Shared.EncryptedPem, "wrong"));

            Assert.Contains("passphrase", error.Message);
        }

        [Fact]
        public void A_missing_passphrase_says_how_to_give_it()
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(OpenSslKeys.Shared.EncryptedPem));

            Assert.Contains("-KeyPassphrase", error.Message);
        }

        [Fact]
        public void A_public_key_cannot_sign()
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(OpenSslKeys.Shared.PublicPem));

            Assert.Contains("private key", error.Message);
        }

        [Fact]
        public void A_certificate_or_other_pem_type_is_named()
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));

            Assert.Contains("'CERTIFICATE'", error.Message);
        }

        [Fact]
        public void Truncated_base64_is_reported_without_echoing_it()
        {
            var truncated = OpenSslKeys.Shared.Pkcs8Base64.Substring(0, 400);

            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(truncated));

            Assert.Contains("truncated", error.Message);
            Assert.DoesNotContain(truncated.Substring(40, 40), error.Message);
        }

        [Fact]
        public void A_truncated_pem_is_reported()
        {
            var pem = OpenSslKeys.Shared.Pkcs8Pem;
            var truncated = pem.Substring(0, pem.Length / 2) + "\n-----END PRIVATE KEY-----\n";

            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner(truncated));

            Assert.Contains("truncated", error.Message);
        }

        [Fact]
        public void An_empty_file_is_named()
        {
            var path = Path.GetTempFileName();
            try
            {
                var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSignerFromFile(path));

                Assert.Contains("is empty", error.Message);
                Assert.Contains(path, error.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_scheme_that_contradicts_the_key_is_explained()
        {
            var error = Assert.Throws<PayoutKeyException>(() => KeyLoader.LoadSigner("0123456789abcdef0123456789abcdef", scheme: SignatureScheme.Rsa));

            Assert.Contains("Scheme Rsa", error.Message);
        }

        [Fact]
        public void The_secret_never_appears_in_text_forms_of_the_signer()
        {
            const string secret = "5f4dcc3b5aa765d61d8327deb882cf99";
            var signer = KeyLoader.LoadSigner(secret);

            Assert.DoesNotContain(secret, signer.ToString());
            Assert.DoesNotContain(secret, JsonSerializer.Serialize<object>(signer));
            Assert.DoesNotContain(secret, RequestSigning.Sign(RequestFields.FromPairs(new System.Collections.Generic.Dictionary<string, object?> { ["a"] = "1" }), signer).CanonicalString);
        }

        [Fact]
        public void Test_keys_are_readable_by_this_user_only()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // ACLs, not modes, on Windows
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, System.IO.File.GetUnixFileMode(OpenSslKeys.Shared.Directory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(OpenSslKeys.Shared.PathOf("pkcs8.pem")));
        }
    }
}
