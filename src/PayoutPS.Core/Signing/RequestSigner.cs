namespace PayoutPS.Core.Signing
{
    /// <summary>
    /// Produces the <c>sign</c> value for a canonical string. Implementations hold key material and
    /// must never reveal it through ToString, exceptions or serialization.
    /// </summary>
    public abstract class RequestSigner : ISignatureVerifier
    {
        public abstract SignatureScheme Scheme { get; }

        /// <summary>The name shown to users: "SHA256" or "SHA256withRSA".</summary>
        public string AlgorithmName => Scheme == SignatureScheme.Sha256 ? "SHA256" : "SHA256withRSA";

        public abstract string Sign(string canonical);

        public abstract bool Verify(string canonical, string signature);

        public sealed override string ToString() => $"{GetType().Name} ({AlgorithmName}, key hidden)";
    }
}
