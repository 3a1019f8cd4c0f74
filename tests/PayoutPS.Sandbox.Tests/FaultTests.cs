using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Every fault kind, by count and by seeded probability, and what each leaves behind.</summary>
    public class FaultTests : SandboxTestBase
    {
        private const string Remit = "/api/v2/txn/remittance";

        private async Task<int> PayoutCount() => (await Sandbox.StateAsync()).GetProperty("payouts").GetArrayLength();

        [Theory]
        [InlineData("http500", 500)]
        [InlineData("http503", 503)]
        public async Task Server_errors_answer_with_their_status_and_create_nothing(string kind, int status)
        {
            await Sandbox.FaultAsync(new { path = Remit, kind, count = 1 });

            var failed = await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-" + kind));
            Assert.Equal(status, failed.Status);
            Assert.Equal("11001", failed.RespCode);
            Assert.Equal(0, await PayoutCount());

            Assert.Equal("20000", (await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-" + kind))).RespCode);
        }

        [Fact]
        public async Task Http429_carries_retry_after_in_seconds()
        {
            await Sandbox.FaultAsync(new { path = "*", kind = "http429", count = 1, retryAfter = "3" });

            var response = await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-429"));

            Assert.Equal(429, response.Status);
            Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        }

        [Fact]
        public async Task Http503_carries_retry_after_as_a_date()
        {
            await Sandbox.FaultAsync(new { path = Remit, kind = "http503", count = 1, retryAfter = "date:5" });

            var response = await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-503d"));

            Assert.NotNull(response.Headers.RetryAfter!.Date);
            Assert.InRange(response.Headers.RetryAfter.Date!.Value, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(7));
        }

        [Fact]
        public async Task System_error_is_11001_with_http_200()
        {
            await Sandbox.FaultAsync(new { path = Remit, kind = "systemError", count = 1 });

            var response = await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-sys"));

            Assert.Equal(200, response.Status);
            Assert.Equal("11001", response.RespCode);
        }

        [Fact]
        public async Task Reset_cuts_the_connection_and_creates_nothing()
        {
            await Sandbox.FaultAsync(new { path = Remit, kind = "reset", count = 1 });

            await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-reset")));
            Assert.Equal(0, await PayoutCount());
        }

        [Fact]
        public async Task Commit_then_drop_creates_the_payout_but_the_client_gets_no_answer()
        {
            await Sandbox.FaultAsync(new { path = Remit, kind = "commitThenDrop", count = 1 });

            await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-drop")));

            var list = await Sandbox.CallAsync("/api/v1/txn/queryList", Requests.TxnList("F-drop"));
            Assert.Equal("1", list.Data.GetProperty("total").GetString());
            Assert.Equal("13003", (await Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-drop"))).RespCode);
        }

        [Fact]
        public async Task A_delay_longer_than_the_client_timeout_still_processes_afterwards_and_is_counted_held_until_answered()
        {
            async Task<int> Held() => (await Sandbox.ControlAsync(HttpMethod.Get, "held")).GetProperty("held").GetInt32();

            await Sandbox.FaultAsync(new { path = Remit, kind = "delay", count = 1, delayMs = 3000 });
            using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            await Assert.ThrowsAsync<TaskCanceledException>(() => Sandbox.CallAsync(Remit, Requests.InlineRemittance("F-slow"), client: impatient));

            // On a loaded machine the request may reach the sandbox only after the client gave up: wait for it to be held.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await Held() == 0 && await PayoutCount() == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(1, await Held());
            Assert.Equal(0, await PayoutCount());

            // Held until processed and answered: once the count is back to 0, the payout exists. No guess at how long that takes.
            while (await Held() > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(0, await Held());
            Assert.Equal(1, await PayoutCount());
        }

        [Fact]
        public async Task Probability_rules_are_reproducible_with_a_seed()
        {
            async Task<string> Pattern()
            {
                await Sandbox.ControlAsync(HttpMethod.Delete, "faults");
                await Sandbox.FaultAsync(new { path = "/api/v1/acct/queryAcctCurrency", kind = "http503", probability = 0.5, seed = 42 });
                var codes = new List<int>();
                for (var i = 0; i < 20; i++)
                {
                    codes.Add((await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?>())).Status);
                }

                return string.Join(",", codes);
            }

            var first = await Pattern();
            Assert.Equal(first, await Pattern());
            Assert.Contains("503", first);
            Assert.Contains("200", first);
        }

        [Fact]
        public async Task Count_rules_apply_to_the_next_n_calls_only()
        {
            await Sandbox.FaultAsync(new { path = "*", kind = "http503", count = 2 });

            var statuses = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?>())).Status);
            }

            Assert.Equal(new[] { 503, 503, 200 }, statuses);
        }

        [Fact]
        public async Task Invalid_rules_are_refused_with_a_reason()
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.FaultAsync(new { path = "*", kind = "explode", count = 1 }));

            Assert.Contains("400", error.Message);
        }

        [Fact]
        public async Task The_rate_limit_answers_429_with_retry_after()
        {
            await Sandbox.ControlAsync(HttpMethod.Post, "rate-limit", new { requestsPerSecond = 3 });

            var responses = new List<ApiResponse>();
            for (var i = 0; i < 6; i++)
            {
                responses.Add(await Sandbox.CallAsync("/api/v1/acct/queryAcctCurrency", new Dictionary<string, object?>()));
            }

            var limited = responses.Where(r => r.Status == 429).ToList();
            Assert.NotEmpty(limited);
            Assert.All(limited, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter!.Delta));
            Assert.Equal(200, responses[0].Status);
        }
    }
}
