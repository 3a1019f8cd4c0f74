using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Sandbox.Signing
{
    /// <summary>
    /// The service side of spec §2, written apart from the client library on purpose: the sandbox judges the
    /// client, so a bug in the client's canonicalizer or signer must not be shared by its judge.
    /// </summary>
    internal static class SandboxSignature
    {
        /// <summary>Spec §2.1: every field but sign, empty ones dropped, sorted by name (ordinal), values joined.</summary>
        public static string Canonical(IEnumerable<KeyValuePair<string, string?>> fields)
        {
            var signed = new List<KeyValuePair<string, string?>>();
            foreach (var field in fields)
            {
                if (field.Key != "sign" && !string.IsNullOrEmpty(field.Value))
                {
                    signed.Add(field);
                }
            }

            signed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var text = new StringBuilder();
            foreach (var field in signed)
            {
                text.Append(field.Value);
            }

            return text.ToString();
        }

        /// <summary>SHA-256 over the canonical string and the secret, lowercase hex.</summary>
        public static string SignWithSecret(string canonical, string secret) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical + secret))).ToLowerInvariant();

        /// <summary>SHA256withRSA (PKCS#1 v1.5), standard base64.</summary>
        public static string SignWithRsa(string canonical, RSA key) =>
            Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(canonical), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        /// <summary>A 64-hex sign is a SHA-256 digest; anything else is taken as RSA base64.</summary>
        public static bool LooksSha256(string sign)
        {
            if (sign.Length != 64)
            {
                return false;
            }

            foreach (var c in sign)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool VerifySecret(string canonical, string sign, string secret) =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SignWithSecret(canonical, secret)), Encoding.ASCII.GetBytes(sign.ToLowerInvariant()));

        public static bool VerifyRsa(string canonical, string sign, RSA key)
        {
            var signature = new byte[key.KeySize / 8 + 8];
            return Convert.TryFromBase64String(sign, signature, out var length)
                && key.VerifyData(Encoding.UTF8.GetBytes(canonical), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        /// <summary>An RSA public key from PEM (SPKI or PKCS#1) or bare base64 SPKI; null when it is none.</summary>
        public static RSA? PublicKey(string text)
        {
            var key = RSA.Create();
            try
            {
                if (text.Contains("-----BEGIN", StringComparison.Ordinal))
                {
                    key.ImportFromPem(text);
                }
                else
                {
                    key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text.Trim()), out _);
                }

                return key;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is CryptographicException || ex is FormatException)
            {
                key.Dispose();
                return null;
            }
        }
    }
}
