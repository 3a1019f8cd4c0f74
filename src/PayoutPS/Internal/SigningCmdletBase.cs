using System;
using System.Management.Automation;
using System.Security;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// The key parameters shared by the cmdlets that sign or verify. None takes key material as a plain
    /// string, so nothing secret lands in PSReadLine history (design.md §3.7). Without a key parameter the
    /// connected context's key is used.
    /// </summary>
    public abstract class SigningCmdletBase : PSCmdlet
    {
        protected const string ContextSet = "Context";
        protected const string SecretKeySet = "SecretKey";
        protected const string CredentialSet = "Credential";
        protected const string KeyPathSet = "KeyPath";

        /// <summary>The connection whose key to use; defaults to the one made by Connect-PayoutEnvironment.</summary>
        [Parameter(ParameterSetName = ContextSet)]
        [ContextTransformation]
        public PayoutContext? Context { get; set; }

        /// <summary>The merchant secret (32/64 hex) or an RSA private key as text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretKeySet)]
        public SecureString? SecretKey { get; set; }

        /// <summary>User name = merchant number, password = the secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>A file holding the secret or an RSA key (PEM or bare base64).</summary>
        [Parameter(Mandatory = true, ParameterSetName = KeyPathSet)]
        [ValidateNotNullOrEmpty]
        public string? KeyPath { get; set; }

        [Parameter(ParameterSetName = KeyPathSet)]
        public SecureString? KeyPassphrase { get; set; }

        /// <summary>Forces a scheme instead of detecting it from the key material.</summary>
        [Parameter(ParameterSetName = SecretKeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = KeyPathSet)]
        public SignatureScheme? Scheme { get; set; }

        /// <summary>Fields that are sent but not signed.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] ExcludeField { get; set; } = Array.Empty<string>();

        /// <summary>The merchant number implied by how the key was given (credential user name or context).</summary>
        protected string? ImpliedMerchantNo { get; private set; }

        /// <summary>The provider's public key from a file: it signs RSA merchants' notifications.</summary>
        protected ISignatureVerifier LoadProviderKey(string path)
        {
            try
            {
                return KeyLoader.LoadVerifierFromFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path), scheme: SignatureScheme.Rsa);
            }
            catch (PayoutKeyException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }

        /// <summary>Loads the key once; a bad key stops the command, since no item could be processed.</summary>
        protected T LoadKey<T>(Func<RequestSigner, T> fromContext, Func<string, string?, SignatureScheme?, T> fromText, Func<string, string?, SignatureScheme?, T> fromFile)
        {
            try
            {
                var context = ParameterSetName == ContextSet ? Context ?? SessionStore.Current : null;
                if (context != null)
                {
                    ImpliedMerchantNo = context.MerchantId;
                    return fromContext(context.Signer);
                }

                // Not connected, and no key given: the environment variables Connect-PayoutEnvironment reads (a webhook
                // receiver or a signing step of an unattended job has no session to connect in).

                ImpliedMerchantNo = KeyResolver.MerchantId(null, Credential);
                return KeyResolver.Resolve(this, Credential, SecretKey, KeyPath, KeyPassphrase, Scheme, fromText, fromFile).Key;
            }
            catch (PayoutKeyException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }
    }
}
