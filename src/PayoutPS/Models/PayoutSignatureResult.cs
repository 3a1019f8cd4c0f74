using PayoutPS.Core.Signing;

namespace PayoutPS.Models
{
    /// <summary>What Test-PayoutSignature emits.</summary>
    public sealed class PayoutSignatureResult
    {
        internal PayoutSignatureResult(SignatureCheckResult result, ISignatureVerifier verifier)
        {
            IsValid = result.IsValid;
            Status = result.Status.ToString();
            Reason = result.Reason;
            Scheme = verifier.Scheme.ToString();
            CanonicalString = result.CanonicalString;
        }

        public bool IsValid { get; }

        /// <summary>Valid, MissingSign, WrongScheme or Mismatch.</summary>
        public string Status { get; }

        public string Reason { get; }

        public string Scheme { get; }

        public string CanonicalString { get; }
    }
}
