using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Keys
{
    /// <summary>
    /// A certificate's RSA private key, used where the certificate keeps it (a store's key object, a .pfx in memory):
    /// the key is never exported, so a non-exportable key in the machine store works as well.
    /// </summary>
    public static class CertificateKeys
    {
        /// <summary>The certificate's RSA private key, or a <see cref="PayoutKeyException"/> that says what is missing.</summary>
        public static RSA PrivateRsa(X509Certificate2 certificate)
        {
            var name = $"{certificate.Subject} ({certificate.Thumbprint})";
            using (var publicKey = certificate.GetRSAPublicKey())
            {
                if (publicKey == null)
                {
                    throw new PayoutKeyException($"The certificate {name} has no RSA key ({certificate.PublicKey.Oid.FriendlyName}); PayoutPS signs with RSA.");
                }
            }

            if (!certificate.HasPrivateKey)
            {
                throw new PayoutKeyException($"The certificate {name} has no private key in this store: import it with its key (a .pfx), or use the store it was issued into.");
            }

            try
            {
                return certificate.GetRSAPrivateKey() ?? throw new PayoutKeyException($"The private key of {name} cannot be opened.");
            }
            catch (CryptographicException ex)
            {
                throw new PayoutKeyException($"The private key of {name} cannot be used by this account ({ex.Message.Trim()}): grant it read access (certlm.msc, All Tasks, Manage Private Keys).");
            }
        }

        /// <summary>A request signer over the certificate's key (SHA256withRSA, as an RSA merchant key file signs).</summary>
        public static RequestSigner Signer(X509Certificate2 certificate) => new RsaRequestSigner(PrivateRsa(certificate));
    }
}
