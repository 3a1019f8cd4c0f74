using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading.Tasks;
using PayoutPS.Core.Keys;
using PayoutPS.Sandbox.Model;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>A merchant that signs with SHA256withRSA (spec §2.2).</summary>
    public class RsaMerchantTests : SandboxTestBase
    {
        private static readonly RSA Key = RSA.Create(2048);

        protected override void Configure(SandboxOptions options)
        {
            options.Merchants.Add(new MerchantConfig
            {
                MerchantNo = "800200",
                RsaPublicKey = Key.ExportSubjectPublicKeyInfoPem(),
                Balances = new Dictionary<string, string> { ["USD"] = "500.00" },
            });
        }

        [Fact]
        public async Task Rsa_signed_requests_are_accepted_and_tampered_ones_refused()
        {
            var signer = KeyLoader.LoadSigner(Key.ExportPkcs8PrivateKeyPem());
            var fields = new Dictionary<string, object?> { ["merchantNo"] = "800200" };

            var ok = await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", fields, signer);
            Assert.Equal("20000", ok.RespCode);
            Assert.Equal("500.00", ok.Data[0].GetProperty("balance").GetString());

            var other = KeyLoader.LoadSigner(RSA.Create(2048).ExportPkcs8PrivateKeyPem());
            Assert.Equal("13002", (await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", fields, other)).RespCode);
        }

        [Fact]
        public async Task A_sha256_sign_for_an_rsa_merchant_is_refused()
        {
            var response = await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?> { ["merchantNo"] = "800200" });

            Assert.Equal("13002", response.RespCode);
            Assert.Contains("signs with RSA", response.RespMsg);
        }
    }
}
