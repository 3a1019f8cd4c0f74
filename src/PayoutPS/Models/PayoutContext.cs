using System;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;

namespace PayoutPS.Models
{
    /// <summary>
    /// A connection to one environment as one merchant. Shows where and who, never the key. Pass it with
    /// -Context to runspaces of this process (ForEach-Object -Parallel, Start-ThreadJob); Start-Job runs another
    /// process and gets a lifeless copy. Otherwise Connect-PayoutEnvironment keeps it per runspace.
    /// </summary>
    public sealed class PayoutContext
    {
        internal PayoutContext(string environment, Uri baseUri, string merchantId, string keySource, RequestSigner signer, PayoutClient client, bool validated)
        {
            Environment = environment;
            BaseUri = baseUri;
            MerchantId = merchantId;
            KeySource = keySource;
            Signer = signer;
            Client = client;
            Validated = validated;
            ConnectedAt = DateTime.UtcNow;
        }

        public string Environment { get; }

        public Uri BaseUri { get; }

        public string MerchantId { get; }

        /// <summary>SHA256 or SHA256withRSA.</summary>
        public string Algorithm => Signer.AlgorithmName;

        /// <summary>Where the key came from (a parameter, a file, an environment variable), never the key.</summary>
        public string KeySource { get; }

        public int TimeoutSec => (int)Client.Transport.Settings.Timeout.TotalSeconds;

        public int MaxRetries => Client.Transport.Settings.MaxRetries;

        public bool Validated { get; }

        public DateTime ConnectedAt { get; }

        internal RequestSigner Signer { get; }

        internal PayoutClient Client { get; }

        /// <summary>The key file, when the key came from one (for the readiness check of its permissions).</summary>
        internal string? KeyFile { get; set; }

        /// <summary>The provider's public key, which signs RSA merchants' notifications (Connect -ProviderKeyPath).</summary>
        internal ISignatureVerifier? ProviderVerifier { get; set; }

        public override string ToString() => $"{MerchantId}@{Environment} ({BaseUri})";
    }
}
