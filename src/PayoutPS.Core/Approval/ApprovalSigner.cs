using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PayoutPS.Core.Approval
{
    /// <summary>Signs and checks <see cref="BatchApproval"/>s: RSASSA-PKCS1-v1_5 with SHA-256 over the canonical text.</summary>
    public static class ApprovalSigner
    {
        /// <summary>
        /// Fills the approver's fields from <paramref name="certificate"/> and signs. The private key is used where the
        /// certificate keeps it (a store's key object, a .pfx) and never copied anywhere; a certificate that cannot
        /// sign throws <see cref="Keys.PayoutKeyException"/>.
        /// </summary>
        public static void Sign(BatchApproval approval, X509Certificate2 certificate)
        {
            using var key = Keys.CertificateKeys.PrivateRsa(certificate);
            approval.Approver = certificate.Subject;
            approval.Thumbprint = certificate.Thumbprint.ToUpperInvariant();
            approval.Certificate = Convert.ToBase64String(certificate.RawData);
            var signature = key.SignData(Encoding.UTF8.GetBytes(approval.CanonicalText()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            approval.Signature = Convert.ToBase64String(signature);
        }

        /// <summary>Whether <paramref name="approval"/>'s signature is <paramref name="certificate"/>'s over its canonical text.</summary>
        public static bool Verifies(BatchApproval approval, X509Certificate2 certificate)
        {
            using var key = certificate.GetRSAPublicKey();
            if (key == null)
            {
                return false;
            }

            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(approval.Signature);
            }
            catch (FormatException)
            {
                return false;
            }

            return key.VerifyData(Encoding.UTF8.GetBytes(approval.CanonicalText()), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }
}
