namespace PayoutPS.Core.Signing
{
    /// <summary>Checks a <c>sign</c> value against a canonical string.</summary>
    public interface ISignatureVerifier
    {
        SignatureScheme Scheme { get; }

        bool Verify(string canonical, string signature);
    }
}
