using System;
using System.Collections.Generic;
using System.IO;
using PayoutPS.Core.Signing;

namespace PayoutPS.Bench
{
    /// <summary>
    /// Pre-signed request bodies, one per line, for wrk to replay against the sandbox (bench/sandbox.lua):
    /// the load generator then spends nothing on signing and the sandbox is what gets measured.
    /// </summary>
    internal static class SandboxBodies
    {
        public const string MerchantNo = "800900";
        public const string Secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

        public static void Write(string kind, int count, string file)
        {
            var signer = new Sha256SecretSigner(Secret);
            var run = Guid.NewGuid().ToString("N").Substring(0, 8);
            using var writer = new StreamWriter(file);
            for (var i = 0; i < count; i++)
            {
                var fields = kind == "balances" ? Balances() : Remittance($"B{run}{i:D10}");
                writer.WriteLine(RequestSigning.Sign(RequestFields.FromPairs(fields), signer).Body);
            }
        }

        private static Dictionary<string, object?> Balances() => new Dictionary<string, object?> { ["merchantNo"] = MerchantNo };

        private static Dictionary<string, object?> Remittance(string requestId) => new Dictionary<string, object?>
        {
            ["merchantNo"] = MerchantNo,
            ["bankCountry"] = "DE",
            ["payoutCurrency"] = "EUR",
            ["entityType"] = "1",
            ["paymentMethod"] = "BANK_TRANSFER",
            ["receiverInfo"] = "{\"firstName\":\"Anna\",\"lastName\":\"Müller\"}",
            ["address"] = "{\"countryCode\":\"DE\",\"city\":\"Berlin\",\"addressLine1\":\"Unter den Linden 1\"}",
            ["accountInfomation"] = "{\"cardNumber\":\"DE89370400440532013000\"}",
            ["sourceCurrency"] = "USD",
            ["sourceAmount"] = "100.00",
            ["targetCurrency"] = "EUR",
            ["requestId"] = requestId,
            ["transactionPurpose"] = "1",
            ["chargeFlag"] = "N",
        };
    }
}
