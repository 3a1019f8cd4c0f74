using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;

namespace PayoutPS.Bench
{
    /// <summary>Signing throughput, measured side by side with `openssl speed` in the same run (the machine is noisy).</summary>
    internal static class SigningBenchmark
    {
        public static void Run(int rounds, double seconds)
        {
            var remittance = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = "800209",
                ["bankCountry"] = "DE",
                ["payoutCurrency"] = "EUR",
                ["entityType"] = "1",
                ["paymentMethod"] = "BANK_TRANSFER",
                ["receiverInfo"] = "{\"firstName\":\"Anna\",\"lastName\":\"Müller\",\"email\":\"anna@example.com\",\"phone\":\"1701234567\",\"areaCode\":\"49\"}",
                ["address"] = "{\"countryCode\":\"DE\",\"city\":\"Berlin\",\"addressLine1\":\"Unter den Linden 1\",\"postalCode\":\"10117\"}",
                ["accountInfomation"] = "{\"cardNumber\":\"DE89370400440532013000\",\"bankName\":\"Commerzbank\",\"swiftCode\":\"COBADEFFXXX\"}",
                ["sourceCurrency"] = "USD",
                ["sourceAmount"] = "1250.00",
                ["targetCurrency"] = "EUR",
                ["requestId"] = "PAYROLL-2026-11-000042",
                ["transactionPurpose"] = "1",
                ["chargeFlag"] = "N",
                ["reference"] = "November salary",
            });
            var canonicalLength = CanonicalString.Build(remittance).Length;

            var sha = new Sha256SecretSigner("0123456789abcdef0123456789abcdef");
            var rsa = KeyLoader.LoadSigner(MakeRsaKey());

            var shaRates = new List<double>();
            var rsaRates = new List<double>();
            var opensslRates = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                shaRates.Add(Rate(() => RequestSigning.Sign(remittance, sha), seconds));
                rsaRates.Add(Rate(() => RequestSigning.Sign(remittance, rsa), seconds));
                opensslRates.Add(OpenSslRsaSignRate(seconds));
            }

            Console.WriteLine($"canonical string: {canonicalLength} chars; {rounds} rounds of {seconds}s, one thread");
            Report("SHA-256 sign (canonical + sign + body)", shaRates, 200_000, "target >= 200000/s");
            Report("RSA-2048 sign (canonical + sign + body)", rsaRates, null, null);
            Report("openssl speed rsa2048 sign", opensslRates, null, null);
            var ratio = Median(rsaRates) / Median(opensslRates);
            Console.WriteLine($"RSA ratio ours/openssl (medians): {ratio:P0}  target >= 90%  {(ratio >= 0.9 ? "PASS" : "FAIL")}");
        }

        private static double Rate(Action action, double seconds)
        {
            for (var i = 0; i < 200; i++)
            {
                action();
            }

            var watch = Stopwatch.StartNew();
            long count = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 64; i++)
                {
                    action();
                }

                count += 64;
            }

            return count / watch.Elapsed.TotalSeconds;
        }

        private static double OpenSslRsaSignRate(double seconds)
        {
            var start = new ProcessStartInfo("openssl", $"speed -seconds {Math.Max(1, (int)seconds)} rsa2048")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();

            // "rsa 2048 bits 0.000285s 0.000008s   3508.8 120481.9"  → sign/s is the first of the two rates.
            var match = Regex.Match(stdout, @"rsa\s+2048 bits\s+\S+\s+\S+\s+([\d.]+)");
            if (!match.Success)
            {
                throw new InvalidOperationException("Could not read openssl speed output:\n" + stdout);
            }

            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static void Report(string name, List<double> rates, double? target, string? label)
        {
            var median = Median(rates);
            var verdict = target == null ? string.Empty : median >= target ? "  PASS" : "  FAIL";
            Console.WriteLine($"{name}: median {median:N0}/s  (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}){(label == null ? string.Empty : "  " + label)}{verdict}");
        }

        private static string MakeRsaKey()
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            return key.ExportPkcs8PrivateKeyPem();
        }
    }
}
