using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Readiness;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The readiness check's rules that a local sandbox cannot show: Production, clocks, services that do not verify.</summary>
    public class ReadinessTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

        private static ReadinessCheck Check(ScriptedHandler handler, bool production, string baseUri = "https://api.example.com/payout") => new ReadinessCheck(
            new PayoutClient(new PayoutTransport(new TransportSettings { BaseUri = new Uri(baseUri), MaxRetries = 0 }, new Sha256SecretSigner("0123456789abcdef0123456789abcdef"), "800100", handler)),
            new Sha256SecretSigner("0123456789abcdef0123456789abcdef"), production ? "this is Production" : null, NullPayoutLog.Instance, () => Now);

        private static ScriptedHandler Service(TimeSpan clockOffset, string wrongSignAnswer = "13002") => new ScriptedHandler()
            .ThenJson(Envelopes.Code("20000", "Success"), configure: r => r.Headers.Date = new DateTimeOffset(Now + clockOffset))
            .ThenJson("{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":[{\"currency\":\"USD\",\"balance\":\"10.00\",\"availableBalance\":\"10.00\"}]}")
            .ThenJson(Envelopes.Code(wrongSignAnswer, "Signature verification failed."));

        [Fact]
        public async Task In_production_no_payout_is_ever_sent()
        {
            var handler = Service(TimeSpan.Zero);

            var items = await Check(handler, production: true).RunAsync(null, null, CancellationToken.None);

            Assert.All(items.Where(i => i.Check.StartsWith("Pay ", StringComparison.Ordinal)), i => Assert.Equal(ReadinessStatus.Skipped, i.Status));
            Assert.DoesNotContain(handler.Sent, s => s.Path.Contains("remittance"));
            Assert.Equal(3, handler.Sent.Count);
        }

        [Theory]
        [InlineData(5, ReadinessStatus.Pass)]
        [InlineData(-5, ReadinessStatus.Pass)]
        [InlineData(300, ReadinessStatus.Fail)]
        public async Task The_clock_is_compared_with_the_service_date(int offsetSeconds, ReadinessStatus expected)
        {
            var items = await Check(Service(TimeSpan.FromSeconds(offsetSeconds)), production: true).RunAsync(null, null, CancellationToken.None);

            Assert.Equal(expected, items.Single(i => i.Check == "The clock is right").Status);
        }

        [Fact]
        public async Task A_service_that_accepts_a_wrong_signature_fails_the_check()
        {
            var items = await Check(Service(TimeSpan.Zero, wrongSignAnswer: "20000"), production: true).RunAsync(null, null, CancellationToken.None);

            var item = items.Single(i => i.Check.StartsWith("A wrongly signed request", StringComparison.Ordinal));
            Assert.Equal(ReadinessStatus.Fail, item.Status);
            Assert.Contains("did not verify the signature", item.Fix);
        }

        [Fact]
        public async Task Plain_http_on_this_machine_is_not_called_encrypted()
        {
            var items = await Check(Service(TimeSpan.Zero), production: true, baseUri: "http://127.0.0.1:5000/payout").RunAsync(null, null, CancellationToken.None);

            var tls = items.Single(i => i.Check.StartsWith("The connection is encrypted", StringComparison.Ordinal));
            Assert.Equal(ReadinessStatus.Skipped, tls.Status);
            Assert.Contains("not encrypted", tls.Detail);
        }

        [Fact]
        public async Task Plain_http_beyond_this_machine_fails()
        {
            var items = await Check(Service(TimeSpan.Zero), production: true, baseUri: "http://payouts.example.com/payout").RunAsync(null, null, CancellationToken.None);

            Assert.Equal(ReadinessStatus.Fail, items.Single(i => i.Check.StartsWith("The connection is encrypted", StringComparison.Ordinal)).Status);
        }

        [Theory]
        [InlineData("https://sandbox-api.onerway.com/payout", true)]
        [InlineData("https://SANDBOX-API.onerway.com./payout", true)]
        [InlineData("http://sandbox-api.onerway.com/payout", false)]
        [InlineData("https://api.onerway.com/payout", false)]
        [InlineData("https://sandbox-api.onerway.com.evil.example/payout", false)]
        public async Task Only_the_providers_sandbox_host_over_https_is_a_sandbox_without_asking(string baseUri, bool sandbox)
        {
            var why = await SandboxProof.WhyNotASandboxAsync(new Uri(baseUri), new ScriptedHandler(), CancellationToken.None);
            Assert.Equal(sandbox, why == null);
        }

        [Fact]
        public async Task A_loopback_service_is_a_sandbox_only_when_its_control_plane_answers_as_one()
        {
            var sandbox = new ScriptedHandler().ThenJson("{\"status\":\"ok\"}");
            Assert.Null(await SandboxProof.WhyNotASandboxAsync(new Uri("http://127.0.0.1:5080/payout"), sandbox, CancellationToken.None));
            Assert.Equal("/_sandbox/health", sandbox.Sent.Single().Path);

            var stranger = new ScriptedHandler().ThenJson("{\"respCode\":\"404\"}", System.Net.HttpStatusCode.NotFound);
            Assert.Contains("does not answer as the PayoutPS sandbox", await SandboxProof.WhyNotASandboxAsync(new Uri("http://localhost:5080/payout"), stranger, CancellationToken.None));
        }
    }
}
