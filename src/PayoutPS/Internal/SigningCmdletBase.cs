using System;
using System.Management.Automation;
using System.Security;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;

namespace PayoutPS.Internal
{
    /// <summary>
    /// The key parameters shared by the cmdlets that sign or verify. None takes key material as a plain
    /// string, so nothing secret lands in PSReadLine history (design.md §3.7).
    /// </summary>
    public abstract class SigningCmdletBase : PSCmdlet
    {
        protected const string SecretKeySet = "SecretKey";
        protected const string CredentialSet = "Credential";
        protected const string KeyPathSet = "KeyPath";

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
        [Parameter]
        public SignatureScheme? Scheme { get; set; }

        /// <summary>Fields that are sent but not signed.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] ExcludeField { get; set; } = Array.Empty<string>();

        /// <summary>The merchant number from -Credential, when that is how the key was given.</summary>
        protected string? CredentialMerchantNo =>
            Credential != null && !string.IsNullOrEmpty(Credential.UserName) ? Credential.UserName.TrimStart('\\') : null;

        /// <summary>Loads the key once; a bad key stops the command, since no item could be processed.</summary>
        protected T LoadKey<T>(Func<string, string?, SignatureScheme?, T> fromText, Func<string, string?, SignatureScheme?, T> fromFile)
        {
            try
            {
                switch (ParameterSetName)
                {
                    case CredentialSet:
                        return fromText(Credential!.GetNetworkCredential().Password, null, Scheme);
                    case KeyPathSet:
                        return fromFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyPath), SecureText.Reveal(KeyPassphrase), Scheme);
                    default:
                        return fromText(SecureText.Reveal(SecretKey) ?? string.Empty, null, Scheme);
                }
            }
            catch (PayoutKeyException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidKey, ErrorCategory.InvalidArgument, ParameterSetName));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }
    }
}
