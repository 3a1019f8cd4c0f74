using System;
using System.Security.Cryptography;
using System.Text;
using PayoutPS.Core.Keys;

namespace PayoutPS.Core.Signing
{
    /// <summary>The documented scheme (spec §2.1): SHA-256 over UTF-8(canonical + secret), lowercase hex.</summary>
    public sealed class Sha256SecretSigner : RequestSigner
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);
        private readonly byte[] _secret;

        /// <param name="secret">32 or 64 hexadecimal characters, as the merchant portal shows it.</param>
        public Sha256SecretSigner(string secret)
        {
            if (secret == null)
            {
                throw new ArgumentNullException(nameof(secret));
            }

            var trimmed = secret.Trim();
            if (!IsSecret(trimmed))
            {
                throw new PayoutKeyException(
                    $"The secret key has {trimmed.Length} characters that are not all hexadecimal; expected 32 or 64 hexadecimal " +
                    "characters as shown in the merchant portal (Secret Type: SHA256). Check that the whole key was copied.");
            }

            _secret = Utf8.GetBytes(trimmed);
        }

        public override SignatureScheme Scheme => SignatureScheme.Sha256;

        /// <summary>True when the text is shaped like a merchant secret: 32 or 64 hex characters.</summary>
        public static bool IsSecret(string text)
        {
            var trimmed = text.Trim();
            return (trimmed.Length == 32 || trimmed.Length == 64) && Hex.IsHex(trimmed);
        }

        /// <summary>True when a sign has this scheme's shape (64 hex characters); anything else is taken for RSA base64.</summary>
        public static bool IsDigest(string sign) => sign.Length == 64 && Hex.IsHex(sign);

        public override string Sign(string canonical)
        {
            if (canonical == null)
            {
                throw new ArgumentNullException(nameof(canonical));
            }

            var length = Utf8.GetByteCount(canonical);
            var buffer = new byte[length + _secret.Length];
            Utf8.GetBytes(canonical, 0, canonical.Length, buffer, 0);
            Buffer.BlockCopy(_secret, 0, buffer, length, _secret.Length);
            try
            {
                return Hex.ToLower(Hash(buffer));
            }
            finally
            {
                // The buffer holds the secret: do not leave it for the garbage collector to keep around.
                Array.Clear(buffer, length, _secret.Length);
            }
        }

        public override bool Verify(string canonical, string signature)
        {
            if (signature == null)
            {
                return false;
            }

            return FixedTime.Equal(Sign(canonical), signature.Trim().ToLowerInvariant());
        }

        private static byte[] Hash(byte[] data)
        {
#if NET5_0_OR_GREATER
            return SHA256.HashData(data);
#else
            using (var sha = SHA256.Create())
            {
                return sha.ComputeHash(data);
            }
#endif
        }
    }
}
