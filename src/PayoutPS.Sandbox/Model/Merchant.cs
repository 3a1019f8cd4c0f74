using System;
using System.Collections.Generic;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>A merchant as configured at start-up: how it signs, where its callbacks go, what it starts with.</summary>
    internal sealed class MerchantConfig
    {
        public string MerchantNo { get; set; } = string.Empty;

        /// <summary>32/64-hex secret for the SHA-256 scheme.</summary>
        public string? Secret { get; set; }

        /// <summary>RSA public key (PEM or bare base64) for the SHA256withRSA scheme.</summary>
        public string? RsaPublicKey { get; set; }

        public string? CallbackUrl { get; set; }

        public bool Disabled { get; set; }

        public Dictionary<string, string> Balances { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The documented zero-configuration merchant. Sandbox-only credentials: they open nothing real.</summary>
        public static MerchantConfig Default() => new MerchantConfig
        {
            MerchantNo = "800100",
            Secret = "5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f",
            Balances = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["USD"] = "1000000.00",
                ["EUR"] = "500000.00",
                ["GBP"] = "200000.00",
                ["CNY"] = "5000000.00",
                ["JPY"] = "100000000",
                ["KWD"] = "10000.000",
            },
        };
    }

    /// <summary>A merchant's live state: verifiers built once, and balances that payouts move.</summary>
    internal sealed class Merchant
    {
        public Merchant(MerchantConfig config, System.Security.Cryptography.RSA? rsaKey)
        {
            Config = config;
            RsaKey = rsaKey;
            foreach (var pair in config.Balances)
            {
                Balances[pair.Key] = decimal.Parse(pair.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public MerchantConfig Config { get; }

        public string MerchantNo => Config.MerchantNo;

        /// <summary>The merchant's SHA-256 secret, when it signs that way.</summary>
        public string? Secret => Config.Secret;

        /// <summary>The merchant's RSA public key, when it signs with SHA256withRSA.</summary>
        public System.Security.Cryptography.RSA? RsaKey { get; }

        public Dictionary<string, decimal> Balances { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal);
    }
}
