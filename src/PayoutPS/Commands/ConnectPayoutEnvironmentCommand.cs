using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using PayoutPS.Core.Api;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Connects this runspace to an environment as one merchant, proving the key with a cheap signed call.
    /// Production must be named explicitly and confirmed (or -Force).
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PayoutEnvironment", DefaultParameterSetName = NamedSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutContext))]
    public sealed class ConnectPayoutEnvironmentCommand : PayoutCmdletBase
    {
        private const string NamedSet = "Environment";
        private const string UriSet = "BaseUri";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NamedSet)]
        [ValidateSet(Environments.Sandbox, Environments.Production, Environments.Local)]
        public string Environment { get; set; } = Environments.Sandbox;

        /// <summary>The port of a local sandbox (-Environment Local).</summary>
        [Parameter(ParameterSetName = NamedSet)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>Any other base URL, such as a proxy in front of the API or a sandbox elsewhere.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [Alias("MerchantNo")]
        [ValidatePattern("^[0-9A-Za-z]{1,32}$")]
        public string? MerchantId { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SecureString? SecretKey { get; set; }

        [Parameter]
        public string? KeyPath { get; set; }

        [Parameter]
        public SecureString? KeyPassphrase { get; set; }

        /// <summary>Sign with the RSA key of this certificate in the store (what a task running as SYSTEM or a gMSA has); the key stays in the store.</summary>
        [Parameter]
        public string? CertificateThumbprint { get; set; }

        /// <summary>With -CertificateThumbprint: CurrentUser (default) or LocalMachine.</summary>
        [Parameter]
        public System.Security.Cryptography.X509Certificates.StoreLocation CertificateStoreLocation { get; set; } = System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser;

        [Parameter]
        public SignatureScheme? Scheme { get; set; }

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 30;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 4;

        [Parameter]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>The provider's public key (PEM or base64): RSA merchants' notifications are signed with it.</summary>
        [Parameter]
        public string? ProviderKeyPath { get; set; }

        /// <summary>Do not make the signed validation call.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>Connect to Production without a confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var environment = ParameterSetName != UriSet ? Environment : BaseUri!.IsAbsoluteUri ? Environments.Of(BaseUri) : Environments.Custom;
            if (environment == Environments.Local && Port == 0)
            {
                Fail(new ErrorRecord(new ArgumentException("-Environment Local needs -Port (the sandbox prints it in its ready line)."), "PayoutPS.MissingPort", ErrorCategory.InvalidArgument, null));
            }

            if (BaseUri != null && Environments.Refusal(BaseUri) is string refusal)
            {
                Fail(new ErrorRecord(new ArgumentException(refusal), "PayoutPS.InvalidBaseUri", ErrorCategory.InvalidArgument, null));
            }

            var baseUri = BaseUri ?? Environments.BaseUri(environment, Port);
            var merchantId = KeyResolver.MerchantId(MerchantId, Credential);
            if (merchantId == null)
            {
                Fail(new ErrorRecord(
                    new ArgumentException($"No merchant number: give -MerchantId, a -Credential whose user name is the merchant number, or set ${KeyResolver.MerchantVariable}."),
                    "PayoutPS.MissingMerchantId", ErrorCategory.InvalidArgument, null));
            }

            if (environment == Environments.Production && !ApproveProduction(merchantId!, baseUri))
            {
                return;
            }

            RequestSigner signer;
            string keySource;
            try
            {
                (signer, keySource) = CertificateThumbprint != null ? StoreSigner()
                    : KeyResolver.Resolve(this, Credential, SecretKey, KeyPath, KeyPassphrase, Scheme,
                        (text, passphrase, scheme) => KeyLoader.LoadSigner(text, passphrase, scheme),
                        (path, passphrase, scheme) => KeyLoader.LoadSignerFromFile(path, passphrase, scheme));
            }
            catch (PayoutKeyException ex)
            {
                Fail(ErrorRecords.From(ex, null));
                return;
            }

            ISignatureVerifier? providerVerifier = null;
            if (ProviderKeyPath != null)
            {
                try
                {
                    providerVerifier = KeyLoader.LoadVerifierFromFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(ProviderKeyPath), scheme: SignatureScheme.Rsa);
                }
                catch (PayoutKeyException ex)
                {
                    Fail(ErrorRecords.From(ex, null));
                    return;
                }
            }

            var settings = new TransportSettings { BaseUri = baseUri, Timeout = TimeSpan.FromSeconds(TimeoutSec), MaxRetries = MaxRetries, Proxy = CreateProxy() };
            var client = new PayoutClient(new PayoutTransport(settings, signer, merchantId!));
            if (!SkipValidation)
            {
                try
                {
                    Await((log, token) => client.CheckCredentialsAsync(log, token));
                }
                catch (PayoutApiException ex)
                {
                    client.Dispose();
                    Fail(ErrorRecords.From(ex, baseUri));
                }
            }

            var context = new PayoutContext(environment, baseUri, merchantId!, keySource, signer, client, validated: !SkipValidation) 
            {
                ProviderVerifier = providerVerifier,
                KeyFile = KeyPath != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyPath)
                    : keySource.StartsWith("$" + KeyResolver.KeyPathVariable, StringComparison.Ordinal) ? KeyResolver.Variable(KeyResolver.KeyPathVariable) : null,
            };
            if (context.KeyFile != null && KeyFilePermissions.Problem(context.KeyFile) is string exposed)
            {
                WriteWarning($"The key file is exposed: {exposed}.");
            }

            SessionStore.Set(context);
            WriteVerbose($"Connected to {environment} ({baseUri}) as merchant {merchantId}, signing with {signer.AlgorithmName}.");
            WriteObject(context);
        }

        /// <summary>-CertificateThumbprint: the certificate's key signs where the store keeps it; any other key given too is refused.</summary>
        private (RequestSigner, string) StoreSigner()
        {
            if (SecretKey != null || KeyPath != null || (Credential != null && Credential.Password.Length > 0))
            {
                throw new PayoutKeyException("Give one key: -CertificateThumbprint, or -SecretKey, -KeyPath or -Credential, not both.");
            }

            System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
            try
            {
                certificate = Certificates.FromStore(CertificateThumbprint!, CertificateStoreLocation);
            }
            catch (ArgumentException ex)
            {
                throw new PayoutKeyException(ex.Message);
            }

            return (CertificateKeys.Signer(certificate), $"certificate {certificate.Subject} ({certificate.Thumbprint}) in {CertificateStoreLocation}\\My");
        }

        private bool ApproveProduction(string merchantId, Uri baseUri)
        {
            try
            {
                return Approve(Force, $"merchant {merchantId} at {baseUri}", "Connect to PRODUCTION (real money)");
            }
            catch
            {
                SessionStore.Set(null); // refused for want of a confirmation: a failed connect, like any other
                throw;
            }
        }

        /// <summary>
        /// A failed connect leaves this runspace disconnected: after a failed switch away from Production, the
        /// next New-Payout must not pay in Production.
        /// </summary>
        private void Fail(ErrorRecord error)
        {
            var wasConnected = SessionStore.Current;
            SessionStore.Set(null);
            if (wasConnected != null)
            {
                var message = error.ErrorDetails?.Message ?? error.Exception.Message;
                error.ErrorDetails = new ErrorDetails($"{message} This runspace is now disconnected (it was connected to {wasConnected}); connect again before sending.")
                {
                    RecommendedAction = error.ErrorDetails?.RecommendedAction,
                };
            }

            ThrowTerminatingError(error);
        }

        private IWebProxy? CreateProxy()
        {
            if (Proxy == null)
            {
                return null;
            }

            return new WebProxy(Proxy) { Credentials = ProxyCredential?.GetNetworkCredential() };
        }
    }
}
