using System;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Core.Signing
{
    /// <summary>
    /// SHA256withRSA (spec §2.2) through the platform's RSA, which signs about 20 times faster than
    /// BouncyCastle's signer here; BouncyCastle is used only to parse the key once.
    /// </summary>
    public sealed class RsaRequestSigner : RequestSigner
    {
        private readonly RSA _rsa;
        private readonly object _gate = new object();

        internal RsaRequestSigner(RSA rsa)
        {
            _rsa = rsa;
        }

        public override SignatureScheme Scheme => SignatureScheme.Rsa;

        public override string Sign(string canonical)
        {
            var data = Encoding.UTF8.GetBytes(canonical);
            byte[] signature;
            lock (_gate)
            {
                signature = _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            return Convert.ToBase64String(signature);
        }

        public override bool Verify(string canonical, string signature)
        {
            lock (_gate)
            {
                return RsaPublicKeyVerifier.VerifyWith(_rsa, canonical, signature);
            }
        }
    }
}
