using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Retry rules and the exactly-once protocol, with the HTTP edge and the clock faked.</summary>
    public class TransportTests
    {
        private readonly List<TimeSpan> _delays = new List<TimeSpan>();

        private PayoutClient Client(ScriptedHandler handler, int maxRetries = 3) => new PayoutClient(new PayoutTransport(
            new TransportSettings { BaseUri = new Uri("http://127.0.0.1:9/payout"), MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(400), RetryMaxDelay = TimeSpan.FromSeconds(2) },
            new Sha256SecretSigner("0123456789abcdef0123456789abcdef"),
            "800100",
            handler,
            (delay, _) =>
            {
                _delays.Add(delay);
                return Task.CompletedTask;
            },
            new Random(7)));

        private static RemittanceRequest Remittance() => new RemittanceRequest
        {
            RequestId = "R-1", BeneficiaryId = "1775000000000000001", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = "100.00", Purpose = "PersonalRemittance",
        };

        [Fact]
        public async Task A_created_payout_is_returned_after_one_request()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Created);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
            Assert.Equal("1774000000000000001", payout.PayoutId);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task An_answer_is_read_from_its_UTF8_bytes_with_or_without_a_byte_order_mark()
        {
            // The body is parsed as received, never first made one string (a page of 100 payouts would be a
            // large-object-heap string per request); Raw still gives the text, decoded when asked.
            var json = Envelopes.Created.Replace("\"respMsg\":\"Success\"", "\"respMsg\":\"Überweisung\"");
            var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(json)).ToArray();
            var handler = new ScriptedHandler().Then((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bom) });

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal("1774000000000000001", payout.PayoutId);
            var envelope = ApiEnvelope.Parse(200, bom);
            Assert.Equal(("20000", "Überweisung"), (envelope.RespCode, envelope.RespMsg));
            Assert.Equal("\uFEFF" + json, envelope.Raw);
        }

        [Fact]
        public void The_handler_opens_a_connection_for_every_request_a_batch_may_have_in_flight()
        {
            // .NET Framework allows 2 connections per host unless told otherwise; the net472 build sets the same
            // limit on its HttpClientHandler (compiled from the same constant; this test runs on .NET).
            using var handler = (System.Net.Http.SocketsHttpHandler)PayoutTransport.CreateHandler(new TransportSettings());

            Assert.Equal(PayoutTransport.MaxConcurrentRequests, handler.MaxConnectionsPerServer); // New-Payout's -ThrottleLimit range ends there
        }

        [Fact]
        public async Task Duplicate_13003_returns_the_original_and_never_pays_again()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Duplicate);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.AlreadyExisted, payout.Outcome);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task A_lost_answer_is_resolved_by_query_before_any_resend()
        {
            var handler = new ScriptedHandler().ThenConnectionFailure().ThenJson(Envelopes.ListWith);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Recovered, payout.Outcome);
            Assert.Equal(new[] { "/payout" + RemittanceRequest.PayeePath, "/payout" + PayoutClient.TransactionListPath }, handler.Sent.Select(s => s.Path));
        }

        [Fact]
        public async Task When_the_query_finds_nothing_the_same_bytes_are_resent()
        {
            var handler = new ScriptedHandler().ThenJson("{}", HttpStatusCode.ServiceUnavailable).ThenJson(Envelopes.ListEmpty).ThenJson(Envelopes.Created);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
            var remittances = handler.Sent.Where(s => s.Path == "/payout" + RemittanceRequest.PayeePath).Select(s => s.Body).ToList();
            Assert.Equal(2, remittances.Count);
            Assert.Equal(remittances[0], remittances[1]);
            Assert.Contains("\"requestId\":\"R-1\"", remittances[0]);
        }

        [Theory]
        [InlineData("13001")]
        [InlineData("13002")]
        [InlineData("14001")]
        [InlineData("99999")]
        public async Task Business_rejections_are_never_retried_and_never_success(string code)
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Code(code));

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(code, error.RespCode);
            Assert.Equal("R-1", error.RequestId);
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task Http_4xx_other_than_429_is_not_retried()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Code("13001"), HttpStatusCode.BadRequest);

            await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).Transport.SendAsync("/x", Array.Empty<RequestField>(), NullPayoutLog.Instance, CancellationToken.None)
                .ContinueWith(t => t.Result.IsSuccess ? t.Result : throw PayoutApiException.FromEnvelope(t.Result, null)));
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task Retry_after_in_seconds_and_as_a_date_is_honoured()
        {
            var handler = new ScriptedHandler()
                .ThenJson("{}", (HttpStatusCode)429, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3)))
                .ThenJson("{}", HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(5)))
                .ThenJson(Envelopes.ListEmpty);

            var envelope = await Client(handler).Transport.SendAsync(PayoutClient.TransactionListPath, Array.Empty<RequestField>(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.True(envelope.IsSuccess);
            Assert.Equal(TimeSpan.FromSeconds(3), _delays[0]);
            Assert.InRange(_delays[1], TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task Backoff_is_full_jitter_under_a_doubling_cap()
        {
            var handler = new ScriptedHandler();
            for (var i = 0; i < 6; i++)
            {
                handler.ThenJson("{}", HttpStatusCode.BadGateway);
            }

            await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 5).Transport.SendAsync("/x", Array.Empty<RequestField>(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(5, _delays.Count);
            var ceilings = new[] { 400, 800, 1600, 2000, 2000 };
            for (var i = 0; i < 5; i++)
            {
                Assert.InRange(_delays[i].TotalMilliseconds, 0, ceilings[i]);
            }

            Assert.Equal(6, handler.Sent.Count);
        }

        [Fact]
        public async Task System_error_11001_is_retried()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Code("11001")).ThenJson(Envelopes.ListEmpty).ThenJson(Envelopes.Created);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
        }

        [Fact]
        public async Task Lost_answers_that_a_lookup_does_not_find_leave_the_payout_in_doubt_never_unpaid()
        {
            var handler = new ScriptedHandler().ThenConnectionFailure().ThenJson(Envelopes.ListEmpty).ThenConnectionFailure().ThenJson(Envelopes.ListEmpty);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 1).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.InDoubt, error.Kind);
            Assert.DoesNotContain("nothing was paid", error.Message);
            Assert.Contains("Get-PayoutStatus -RequestId R-1", error.Message);
        }

        [Fact]
        public async Task Timeouts_on_every_attempt_end_in_doubt()
        {
            var handler = new ScriptedHandler()
                .Then((_, _) => throw new TaskCanceledException("timed out")).ThenJson(Envelopes.ListEmpty)
                .Then((_, _) => throw new TaskCanceledException("timed out")).ThenJson(Envelopes.ListEmpty);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 1).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.InDoubt, error.Kind);
        }

        [Fact]
        public async Task A_refused_connection_never_left_so_nothing_is_looked_up_and_nothing_was_paid()
        {
            var refused = new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
            var handler = new ScriptedHandler().Then((_, _) => throw refused).Then((_, _) => throw refused);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 1).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.Unavailable, error.Kind);
            Assert.Contains("nothing was paid", error.Message);
            Assert.All(handler.Sent, s => Assert.EndsWith(RemittanceRequest.PayeePath, s.Path));
        }

        [Theory]
        [InlineData("http://10.0.0.9:3128", "to 127.0.0.1:9 failed 2 times (connection failed: Connection refused), through the proxy http://10.0.0.9:3128;")]
        [InlineData(null, "to 127.0.0.1:9 failed 2 times (connection failed: Connection refused), connecting directly (no proxy);")]
        public async Task An_unreachable_service_is_named_with_its_host_and_the_proxy_in_use(string? proxy, string expected)
        {
            var refused = new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
            var handler = new ScriptedHandler().Then((_, _) => throw refused).Then((_, _) => throw refused);
            var settings = new TransportSettings
            {
                BaseUri = new Uri("http://127.0.0.1:9/payout"), MaxRetries = 1,
                Proxy = proxy == null ? new System.Net.WebProxy() : new System.Net.WebProxy(proxy), // an empty WebProxy: no proxy at all
            };
            var transport = new PayoutTransport(settings, new Sha256SecretSigner("0123456789abcdef0123456789abcdef"), "800100", handler, (_, _) => Task.CompletedTask, new Random(7));

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => transport.SendAsync("/api/v1/acct/queryAcctCurrency", new List<RequestField>(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Contains("POST /api/v1/acct/queryAcctCurrency " + expected, error.Message);
        }

        [Fact]
        public async Task A_lost_answer_then_a_long_retry_after_says_in_doubt_not_try_again_later()
        {
            var handler = new ScriptedHandler().ThenConnectionFailure().ThenJson(Envelopes.ListEmpty)
                .ThenJson("{}", HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(600)));

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 3).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.InDoubt, error.Kind);
            Assert.Contains("in doubt", error.Message);
        }

        [Fact]
        public async Task A_lookup_that_returns_someone_elses_payout_is_not_found()
        {
            var other = Envelopes.ListWith.Replace("\"requestId\":\"R-1\"", "\"requestId\":\"R-10\"");
            var handler = new ScriptedHandler().ThenConnectionFailure().ThenJson(other).ThenJson(Envelopes.Created);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
            Assert.Null(await Client(new ScriptedHandler().ThenJson(other)).FindPayoutAsync("R-1", null, NullPayoutLog.Instance, CancellationToken.None));
        }

        [Fact]
        public async Task Duplicate_13003_for_another_payout_is_an_error_never_a_result()
        {
            // The answer disagrees with the request, so it is checked by a lookup, which shows the same other payout.
            var handler = new ScriptedHandler().ThenJson(Envelopes.Duplicate).ThenJson(Envelopes.ListWith);
            var mine = Remittance();
            mine.SendAmount = "250.00";

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).CreatePayoutAsync(mine, NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.RequestIdConflict, error.Kind);
            Assert.Contains("sourceAmount 100.00 (this row: 250.00)", error.Message);
            Assert.Contains("NOT paid", error.Message);
        }

        [Fact]
        public async Task A_recovered_payout_for_another_payee_is_an_error()
        {
            var existing = Envelopes.ListWith.Replace("\"fee\":\"1.00\"", "\"fee\":\"1.00\",\"beneficiaryId\":\"1775000000000000009\"");
            var handler = new ScriptedHandler().ThenConnectionFailure().ThenJson(existing);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.RequestIdConflict, error.Kind);
            Assert.Contains("beneficiaryId 1775000000000000009", error.Message);
        }

        [Fact]
        public async Task When_the_lookup_fails_too_the_payout_is_reported_in_doubt_not_sent_again()
        {
            var handler = new ScriptedHandler().ThenConnectionFailure();
            for (var i = 0; i < 2; i++)
            {
                handler.ThenConnectionFailure();   // the lookup and its one retry
            }

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler, maxRetries: 1).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Contains("in doubt", error.Message);
            Assert.Contains("same RequestId", error.Message);
            Assert.Single(handler.Sent, s => s.Path.EndsWith(RemittanceRequest.PayeePath));
        }

        [Fact]
        public async Task Success_without_data_is_confirmed_by_lookup()
        {
            var handler = new ScriptedHandler().ThenJson(Envelopes.Code("20000", "Success")).ThenJson(Envelopes.ListWith);

            var payout = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(PayoutOutcome.Created, payout.Outcome);
            Assert.Equal("1774000000000000001", payout.PayoutId);
        }

        [Fact]
        public async Task A_non_api_answer_everywhere_leaves_the_payout_in_doubt_and_points_at_the_base_url()
        {
            // A wrong base URL: the payout's answer and the lookup's are both a web server's 404 page.
            HttpResponseMessage NotFound(HttpRequestMessage _, string __) => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new System.Net.Http.StringContent("<html>Not Found</html>") };
            var handler = new ScriptedHandler().Then(NotFound).Then(NotFound);

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));

            Assert.Equal(PayoutErrorKind.InDoubt, error.Kind);
            Assert.Contains("check the base URL", error.Message);
            Assert.EndsWith(PayoutClient.TransactionListPath, handler.Sent.Last().Path);
        }

        [Theory]
        [InlineData(HttpStatusCode.RequestTimeout, true)]   // a proxy gave up waiting: the service may have made it
        [InlineData(HttpStatusCode.Forbidden, false)]       // a gateway's refusal page; the lookup says it was not made
        public async Task A_4xx_that_is_no_Payout_API_answer_is_looked_up_never_refused_by_assumption(HttpStatusCode status, bool madeAnyway)
        {
            var handler = new ScriptedHandler()
                .Then((_, _) => new HttpResponseMessage(status) { Content = new System.Net.Http.StringContent("<html>proxy</html>") })
                .ThenJson(madeAnyway ? Envelopes.ListWith : Envelopes.ListEmpty);

            if (madeAnyway)
            {
                var found = await Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None);
                Assert.Equal(PayoutOutcome.Recovered, found.Outcome);
            }
            else
            {
                var error = await Assert.ThrowsAsync<PayoutApiException>(() => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, CancellationToken.None));
                Assert.Equal(PayoutErrorKind.InDoubt, error.Kind); // not found yet is not "not paid"
            }

            Assert.Equal(2, handler.Sent.Count);
        }

        [Fact]
        public async Task Cancellation_stops_at_once_without_retrying()
        {
            using var cancel = new CancellationTokenSource();
            var handler = new ScriptedHandler().Then((_, _) =>
            {
                cancel.Cancel();
                throw new TaskCanceledException();
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(handler).CreatePayoutAsync(Remittance(), NullPayoutLog.Instance, cancel.Token));
            Assert.Single(handler.Sent);
        }

        [Fact]
        public async Task Several_lookups_answer_each_row_with_its_own_payout_or_error_in_the_order_asked()
        {
            // Each request is answered by what it asks for, whichever arrives first.
            var handler = new ScriptedHandler();
            for (var i = 0; i < 5; i++)
            {
                handler.Then((_, body) =>
                {
                    var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("requestId").GetString()!;
                    var json = id == "R-3" ? Envelopes.Code("40001", "bad filter") : id == "R-4" ? Envelopes.ListEmpty : Envelopes.ListWith.Replace("R-1", id);
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                });
            }

            var results = await Client(handler).FindPayoutsAsync(new[] { "R-1", "R-2", "R-3", "R-4", "R-5" }, 2, NullPayoutLog.Instance, CancellationToken.None);

            Assert.Equal(new[] { "R-1", "R-2", null, null, "R-5" }, results.Select(r => r.Found?.RequestId));
            Assert.Equal(new[] { false, false, true, false, false }, results.Select(r => r.Error != null));
            Assert.Equal(5, handler.Sent.Count);
        }
    }
}
