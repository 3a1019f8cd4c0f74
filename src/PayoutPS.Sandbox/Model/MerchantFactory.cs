using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using PayoutPS.Sandbox.Signing;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>Builds merchants from configuration, and holds the provider's own key for signing RSA merchants' callbacks.</summary>
    internal sealed class MerchantFactory
    {
        private readonly List<MerchantConfig> _configured;
        private readonly RSA _providerKey;

        public MerchantFactory(SandboxOptions options)
        {
            _configured = Load(options);
            _providerKey = RSA.Create(2048);
            ProviderPublicKeyPem = _providerKey.ExportSubjectPublicKeyInfoPem();
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

            if (config.Secret != null && !IsSecret(config.Secret))
            {
                throw new ArgumentException($"Merchant {config.MerchantNo}: the secret must be 32 or 64 hex characters.");
            }

            foreach (var balance in config.Balances ?? new Dictionary<string, string>())
            {
                // Checked here, so a bad balance is a 400 naming it, never a 500 when the merchant is built.
                if (balance.Key == null || !Currencies.IsKnown(balance.Key))
                {
                    throw new ArgumentException($"Merchant {config.MerchantNo}: balance currency '{balance.Key}' is not an ISO 4217 currency the sandbox serves.");
                }

                if (balance.Value != "0" && (balance.Value == null || balance.Value.Length > 20 || Currencies.ParseAmount(balance.Value, balance.Key, out _) == null))
                {
                    throw new ArgumentException($"Merchant {config.MerchantNo}: balance {balance.Key} '{balance.Value}' must be 0 or a positive amount such as 1000.00 (at most 20 characters, the currency's decimals).");
                }
            }

            RSA? rsa = null;
            if (config.RsaPublicKey != null)
            {
                rsa = SandboxSignature.PublicKey(config.RsaPublicKey)
                    ?? throw new ArgumentException($"Merchant {config.MerchantNo}: rsaPublicKey is not an RSA public key (PEM or base64 SubjectPublicKeyInfo).");
            }

            return new Merchant(config, rsa);
        }

        /// <summary>Callbacks are signed with the merchant's secret when it has one, else with the provider's RSA key.</summary>
        public string SignCallback(Merchant merchant, string canonical) =>
            merchant.Secret != null ? SandboxSignature.SignWithSecret(canonical, merchant.Secret) : SandboxSignature.SignWithRsa(canonical, _providerKey);

        private static bool IsSecret(string secret) => (secret.Length == 32 || secret.Length == 64) && secret.All(Uri.IsHexDigit);

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
