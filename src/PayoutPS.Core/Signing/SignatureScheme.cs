namespace PayoutPS.Core.Signing
{
    /// <summary>How a request's <c>sign</c> field is computed (spec §2).</summary>
    public enum SignatureScheme
    {
        /// <summary>SHA-256 over the canonical string with the merchant secret appended; lowercase hex.</summary>
        Sha256,

        /// <summary>SHA256withRSA (PKCS#1 v1.5) over the canonical string; base64.</summary>
        Rsa,
    }
}
