using System.Collections.Generic;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Core.Tests
{
    public class SignatureCheckTests
    {
        private const string Secret = "00112233445566778899aabbccddeeff";

        private static string SignedBody() => RequestSigning.Sign(
            RequestFields.FromPairs(new Dictionary<string, object?> { ["merchantNo"] = "800209", ["payoutStatus"] = "S" }),
            new Sha256SecretSigner(Secret)).Body;

        [Fact]
        public void A_body_signed_with_the_secret_verifies()
        {
            var result = SignatureCheck.Verify(SignedBody(), KeyLoader.LoadVerifier(Secret));

            Assert.True(result.IsValid);
        }

        [Fact]
        public void A_changed_value_is_a_mismatch()
        {
            var result = SignatureCheck.Verify(SignedBody().Replace("\"S\"", "\"F\""), KeyLoader.LoadVerifier(Secret));

            Assert.Equal(SignatureCheckStatus.Mismatch, result.Status);
        }

        [Fact]
        public void A_body_without_sign_says_so()
        {
            var result = SignatureCheck.Verify("{\"merchantNo\":\"800209\"}", KeyLoader.LoadVerifier(Secret));

            Assert.Equal(SignatureCheckStatus.MissingSign, result.Status);
        }

        [Fact]
        public void A_sha256_sign_checked_with_an_rsa_key_is_the_wrong_scheme()
        {
            var result = SignatureCheck.Verify(SignedBody(), KeyLoader.LoadVerifier(OpenSslKeys.Shared.PublicPem));

            Assert.Equal(SignatureCheckStatus.WrongScheme, result.Status);
        }

        [Fact]
        public void Uppercase_hex_sign_still_verifies()
        {
            var body = SignedBody();
            var sign = body.Substring(body.IndexOf("\"sign\":\"") + 8, 64);

            Assert.True(SignatureCheck.Verify(body.Replace(sign, sign.ToUpperInvariant()), KeyLoader.LoadVerifier(Secret)).IsValid);
        }
    }
}
