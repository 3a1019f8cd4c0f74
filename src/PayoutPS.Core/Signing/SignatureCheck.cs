using System.Collections.Generic;
using PayoutPS.Core.Json;

namespace PayoutPS.Core.Signing
{
    public enum SignatureCheckStatus
    {
        Valid,
        MissingSign,
        WrongScheme,
        Mismatch,
    }

    /// <summary>The outcome of checking a signed body, with a reason a person can act on.</summary>
    public sealed class SignatureCheckResult
    {
        internal SignatureCheckResult(SignatureCheckStatus status, string reason, string canonical)
        {
            Status = status;
            Reason = reason;
            CanonicalString = canonical;
        }

        public bool IsValid => Status == SignatureCheckStatus.Valid;

        public SignatureCheckStatus Status { get; }

        public string Reason { get; }

        public string CanonicalString { get; }
    }

    /// <summary>Verifies a received or captured body (a callback, a logged request).</summary>
    public static class SignatureCheck
    {
        public static SignatureCheckResult Verify(string jsonBody, ISignatureVerifier verifier, ICollection<string>? excluded = null)
        {
            return Verify(PayoutJson.ReadFields(jsonBody), verifier, excluded);
        }

        public static SignatureCheckResult Verify(IReadOnlyList<RequestField> fields, ISignatureVerifier verifier, ICollection<string>? excluded = null)
        {
            var canonical = CanonicalString.Build(fields, excluded);
            var sign = RequestFields.Find(fields, CanonicalString.SignFieldName);
            if (string.IsNullOrEmpty(sign))
            {
                return new SignatureCheckResult(SignatureCheckStatus.MissingSign, "The body has no 'sign' field.", canonical);
            }

            var looksSha256 = Sha256SecretSigner.IsDigest(sign!);
            if (looksSha256 != (verifier.Scheme == SignatureScheme.Sha256))
            {
                var shape = looksSha256 ? "a 64-hex SHA-256 digest" : "not a 64-hex SHA-256 digest (RSA base64?)";
                return new SignatureCheckResult(
                    SignatureCheckStatus.WrongScheme,
                    $"The sign is {shape}, but the key is for {verifier.Scheme}; check the key type.",
                    canonical);
            }

            return verifier.Verify(canonical, sign!)
                ? new SignatureCheckResult(SignatureCheckStatus.Valid, "The signature matches.", canonical)
                : new SignatureCheckResult(
                    SignatureCheckStatus.Mismatch,
                    "The signature does not match: the body was changed, a field was signed differently, or the key is not the one that signed it.",
                    canonical);
        }
    }
}
