using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>Builds merchants from configuration, and holds the provider's own key for signing RSA merchants' callbacks.</summary>
    internal sealed class MerchantFactory
    {
        private readonly List<MerchantConfig> _configured;
        private readonly RequestSigner _providerSigner;

        public MerchantFactory(SandboxOptions options)
        {
            _configured = Load(options);
            using var rsa = RSA.Create(2048);
            ProviderPublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
            _providerSigner = KeyLoader.LoadSigner(rsa.ExportPkcs8PrivateKeyPem());
        }

        /// <summary>[SANDBOX] The public key that verifies callbacks sent to RSA merchants.</summary>
        public string ProviderPublicKeyPem { get; }

        public IEnumerable<Merchant> BuildConfigured() => _configured.Select(Build).ToList();

        public Merchant Build(MerchantConfig config)
        {
            if (string.IsNullOrWhiteSpace(config.MerchantNo))
            {
                throw new ArgumentException("merchantNo is required.");
            }

            if (config.Secret == null && config.RsaPublicKey == null)
            {
                throw new ArgumentException($"Merchant {config.MerchantNo} needs a secret and/or an rsaPublicKey.");
            }

            try
            {
                var secret = config.Secret == null ? null : KeyLoader.LoadVerifier(config.Secret, scheme: SignatureScheme.Sha256);
                var rsa = config.RsaPublicKey == null ? null : KeyLoader.LoadVerifier(config.RsaPublicKey, scheme: SignatureScheme.Rsa);
                return new Merchant(config, secret, rsa);
            }
            catch (PayoutKeyException ex)
            {
                throw new ArgumentException($"Merchant {config.MerchantNo}: {ex.Message}");
            }
        }

        /// <summary>Callbacks are signed with the merchant's secret when it has one, else with the provider's RSA key.</summary>
        public RequestSigner CallbackSigner(Merchant merchant) =>
            merchant.Config.Secret != null ? new Sha256SecretSigner(merchant.Config.Secret) : _providerSigner;

        private static List<MerchantConfig> Load(SandboxOptions options)
        {
            List<MerchantConfig> merchants;
            if (options.MerchantsFile != null)
            {
                merchants = JsonSerializer.Deserialize<List<MerchantConfig>>(File.ReadAllText(options.MerchantsFile), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                    ?? new List<MerchantConfig>();
            }
            else if (options.Merchants.Count > 0)
            {
                merchants = options.Merchants;
            }
            else
            {
                merchants = new List<MerchantConfig> { MerchantConfig.Default() };
            }

            if (options.CallbackUrl != null)
            {
                foreach (var merchant in merchants.Where(m => m.CallbackUrl == null))
                {
                    merchant.CallbackUrl = options.CallbackUrl;
                }
            }

            return merchants;
        }
    }
}
