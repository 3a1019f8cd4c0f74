using System;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Core.Signing
{
    /// <summary>Verifies SHA256withRSA signatures with a public key (for example the provider's callback key).</summary>
    public sealed class RsaPublicKeyVerifier : ISignatureVerifier
    {
        private readonly RSA _rsa;
        private readonly object _gate = new object();

        internal RsaPublicKeyVerifier(RSA rsa)
        {
            _rsa = rsa;
        }

        public SignatureScheme Scheme => SignatureScheme.Rsa;

        public bool Verify(string canonical, string signature)
        {
            lock (_gate)
            {
                return VerifyWith(_rsa, canonical, signature);
            }
        }

        public override string ToString() => "RsaPublicKeyVerifier (SHA256withRSA)";

        internal static bool VerifyWith(RSA rsa, string canonical, string signature)
        {
            if (string.IsNullOrWhiteSpace(signature))
            {
                return false;
            }

            byte[] signatureBytes;
            try
            {
                signatureBytes = Convert.FromBase64String(signature.Trim());
            }
            catch (FormatException)
            {
                return false;
            }

            var data = Encoding.UTF8.GetBytes(canonical);
            return rsa.VerifyData(data, signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }
}
