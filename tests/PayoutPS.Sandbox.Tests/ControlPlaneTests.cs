using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>The control plane and the routing in front of it: never a 5xx, never an exit, never reached by a trick.</summary>
    public class ControlPlaneTests : SandboxTestBase
    {
        private async Task<HttpResponseMessage> AddMerchantAsync(string balancesJson) =>
            await Sandbox.Http.PostAsync(new Uri(Sandbox.BaseUri, "/_sandbox/merchants"),
                new StringContent("{\"merchantNo\":\"800777\",\"secret\":\"" + SandboxHarness.Secret + "\",\"balances\":" + balancesJson + "}", Encoding.UTF8, "application/json"));

        [Theory]
        [InlineData("{\"USD\":\"abc\"}")]
        [InlineData("{\"USD\":\"1e400\"}")]
        [InlineData("{\"USD\":\"1234567890123456789012345678901234567890\"}")]
        [InlineData("{\"USD\":\"-5\"}")]
        [InlineData("{\"USD\":\"10.001\"}")]
        [InlineData("{\"ZZZ\":\"10.00\"}")]
        [InlineData("{\"USD\":10}")]
        [InlineData("{\"USD\":null}")]
        public async Task A_merchant_with_a_balance_that_is_not_an_amount_is_a_400(string balances)
        {
            using var response = await AddMerchantAsync(balances);
            Assert.Equal(400, (int)response.StatusCode);
        }

        [Fact]
        public async Task A_merchant_with_canonical_balances_is_added()
        {
            using var response = await AddMerchantAsync("{\"USD\":\"1000.00\",\"JPY\":\"0\"}");
            Assert.Equal(200, (int)response.StatusCode);
        }

        [Theory]
        [InlineData("/payout/%2e%2e/_sandbox/reset")]
        [InlineData("/payout/%2E%2E/_sandbox/reset")]
        [InlineData("/payout/../_sandbox/reset")]
        [InlineData("/payout/..%2f_sandbox/reset")]
        public async Task An_encoded_or_dotted_path_never_reaches_the_control_plane(string target)
        {
            var created = await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
            Assert.Equal("20000", created.RespCode);

            var status = await RawPostAsync(target);

            Assert.Equal(400, status);
            Assert.Equal(1, (await Sandbox.StateAsync()).GetProperty("payouts").GetArrayLength()); // not reset
        }

        [Fact]
        public async Task A_clock_advanced_to_the_end_of_time_at_full_speed_keeps_the_sandbox_running()
        {
            string? last = null;
            for (var i = 0; i < 1000; i++)
            {
                var now = (await Sandbox.AdvanceAsync(10 * 365 * 86400.0)).GetProperty("now").GetString();
                if (now == last)
                {
                    break; // clamped
                }

                last = now;
            }

            Assert.StartsWith("9998-", last);
            await Sandbox.ControlAsync(HttpMethod.Post, "clock", new { speed = 10000 });
            for (var i = 0; i < 20; i++)
            {
                await Task.Delay(100);
                var answer = await Sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance(NewRequestId()));
                Assert.True(answer.Status < 500, answer.ToString());
            }

            Assert.Equal("ok", (await Sandbox.ControlAsync(HttpMethod.Get, "health")).GetProperty("status").GetString());
        }

        [Fact]
        public async Task Seeded_garbage_to_every_control_endpoint_never_gets_a_5xx()
        {
            // Seeded, so a failure repeats: real bodies with absurd values spliced in, truncated, or random bytes.
            var random = new Random(20261129);
            var endpoints = new Dictionary<string, string>
            {
                ["merchants"] = "{\"merchantNo\":\"8001X\",\"secret\":\"" + SandboxHarness.Secret + "\",\"balances\":{\"USD\":\"V\"}}",
                ["clock"] = "{\"advanceSeconds\":V,\"speed\":V}",
                ["faults"] = "{\"path\":\"*\",\"kind\":\"delay\",\"count\":V,\"delayMs\":V}",
                ["rate-limit"] = "{\"requestsPerSecond\":V}",
            };
            string[] values = { "abc", "1e400", "-5", "1e308", "NaN", "\"\\ud800\"", "null", "[]", "{}", new string('9', 400), "0.000000001", "\"ZZZ\"", "true" };
            var failures = new List<string>();
            for (var i = 0; i < 400; i++)
            {
                foreach (var endpoint in endpoints)
                {
                    var body = endpoint.Value.Replace("X", random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("V", values[random.Next(values.Length)]);
                    if (i % 3 == 1)
                    {
                        body = body.Substring(0, random.Next(1, body.Length));
                    }

                    using var response = await Sandbox.Http.PostAsync(new Uri(Sandbox.BaseUri, "/_sandbox/" + endpoint.Key), new StringContent(body, Encoding.UTF8, "application/json"));
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} for {endpoint.Key}: {body}");
                    }
                }
            }

            Assert.Empty(failures);
            Assert.Equal("ok", (await Sandbox.ControlAsync(HttpMethod.Get, "health")).GetProperty("status").GetString());
        }

        /// <summary>HttpClient would normalise the path itself; a raw request sends it as written.</summary>
        private async Task<int> RawPostAsync(string target)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(Sandbox.BaseUri.Host, Sandbox.BaseUri.Port);
            var stream = tcp.GetStream();
            var request = $"POST {target} HTTP/1.1\r\nHost: {Sandbox.BaseUri.Authority}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}";
            var bytes = Encoding.ASCII.GetBytes(request);
            await stream.WriteAsync(bytes, 0, bytes.Length);
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer, 0, buffer.Length);
            var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
            return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
