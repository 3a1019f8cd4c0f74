using System;
using System.IO;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Keys
{
    /// <summary>
    /// Turns key material into a signer or verifier. The scheme follows from the material
    /// (32/64 hex characters: SHA-256 secret; anything else: RSA) unless named explicitly.
    /// </summary>
    public static class KeyLoader
    {
        public static RequestSigner LoadSigner(string keyText, string? passphrase = null, SignatureScheme? scheme = null)
        {
            var text = RequireText(keyText, "The key is empty; give a 32/64-hex secret or an RSA private key.");
            if (ResolveScheme(text, scheme) == SignatureScheme.Sha256)
            {
                return new Sha256SecretSigner(text);
            }

            var rsa = RsaKeyReader.Read(text, passphrase, out var isPrivate);
            if (!isPrivate)
            {
                rsa.Dispose();
                throw new PayoutKeyException("The key is an RSA public key; signing needs the private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).");
            }

            return new RsaRequestSigner(rsa);
        }

        public static ISignatureVerifier LoadVerifier(string keyText, string? passphrase = null, SignatureScheme? scheme = null)
        {
            var text = RequireText(keyText, "The key is empty; give a 32/64-hex secret or an RSA public or private key.");
            if (ResolveScheme(text, scheme) == SignatureScheme.Sha256)
            {
                return new Sha256SecretSigner(text);
            }

            var rsa = RsaKeyReader.Read(text, passphrase, out var isPrivate);
            return isPrivate ? new RsaRequestSigner(rsa) : (ISignatureVerifier)new RsaPublicKeyVerifier(rsa);
        }

        public static RequestSigner LoadSignerFromFile(string path, string? passphrase = null, SignatureScheme? scheme = null) =>
            LoadSigner(ReadKeyFile(path), passphrase, scheme);

        public static ISignatureVerifier LoadVerifierFromFile(string path, string? passphrase = null, SignatureScheme? scheme = null) =>
            LoadVerifier(ReadKeyFile(path), passphrase, scheme);

        private static SignatureScheme ResolveScheme(string text, SignatureScheme? requested)
        {
            if (requested != SignatureScheme.Rsa && text.Length < 64 && Hex.IsHex(text) && !Sha256SecretSigner.IsSecret(text))
            {
                // Short hex text is a secret typed or copied wrong, not a broken RSA key: say that.
                throw new PayoutKeyException($"The key looks like a hex secret but has {text.Length} characters; a merchant secret has 32 or 64 hexadecimal characters. Copy it again from the merchant portal.");
            }

            var detected = Sha256SecretSigner.IsSecret(text) ? SignatureScheme.Sha256 : SignatureScheme.Rsa;
            if (requested == null || requested == detected)
            {
                return detected;
            }

            throw requested == SignatureScheme.Sha256
                ? new PayoutKeyException("Scheme Sha256 needs a secret of 32 or 64 hexadecimal characters, but the key is not one (an RSA key? then use -Scheme Rsa or omit -Scheme).")
                : new PayoutKeyException("Scheme Rsa needs an RSA key, but the key is a 32/64-hex secret (use -Scheme Sha256 or omit -Scheme).");
        }

        private static string RequireText(string? text, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PayoutKeyException(message);
            }

            return text!.Trim();
        }

        private static string ReadKeyFile(string path)
        {
            if (Directory.Exists(path))
            {
                throw new PayoutKeyException($"-KeyPath '{path}' is a folder; give the key file in it (a 32/64-hex secret, or an RSA private key in PEM such as merchant.pem).");
            }

            if (!File.Exists(path))
            {
                throw new PayoutKeyException($"The key file '{path}' does not exist.");
            }

            var text = File.ReadAllText(path);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PayoutKeyException($"The key file '{path}' is empty; expected a 32/64-hex secret or an RSA key in PEM or base64.");
            }

            return text;
        }
    }
}
