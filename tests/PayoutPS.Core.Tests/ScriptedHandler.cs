using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// A fake HTTP edge: answers each request with the next scripted step and records what was sent.
    /// The transport and client under test are the real ones.
    /// </summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, string, HttpResponseMessage>> _steps = new Queue<Func<HttpRequestMessage, string, HttpResponseMessage>>();

        public ConcurrentQueue<(string Path, string Body)> Sent { get; } = new ConcurrentQueue<(string, string)>();

        public ScriptedHandler Then(Func<HttpRequestMessage, string, HttpResponseMessage> step)
        {
            _steps.Enqueue(step);
            return this;
        }

        public ScriptedHandler ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null) => Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });

        /// <summary>The real client and transport over this edge: no retries, a SHA-256 merchant at a dead port.</summary>
        public PayoutPS.Core.Payouts.PayoutClient Client() => ClientOver(this);

        /// <summary>The real client and transport over a fake edge: no retries, a SHA-256 merchant at a dead port.</summary>
        public static PayoutPS.Core.Payouts.PayoutClient ClientOver(HttpMessageHandler edge) => new PayoutPS.Core.Payouts.PayoutClient(new PayoutPS.Core.Transport.PayoutTransport(
            new PayoutPS.Core.Transport.TransportSettings { BaseUri = new Uri("http://127.0.0.1:9/payout"), MaxRetries = 0 },
            new PayoutPS.Core.Signing.Sha256SecretSigner("0123456789abcdef0123456789abcdef"),
            "800100",
            edge));

        public ScriptedHandler ThenConnectionFailure() => Then((_, _) => throw new HttpRequestException("Connection reset by peer"));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent.Enqueue((request.RequestUri!.AbsolutePath, body));
            Func<HttpRequestMessage, string, HttpResponseMessage> step;
            lock (_steps)
            {
                if (_steps.Count == 0)
                {
                    throw new InvalidOperationException("The script ran out: the client sent more requests than the test expected.");
                }

                step = _steps.Dequeue(); // a batch sends from several threads at once
            }

            return step(request, body);
        }
    }

    internal static class Envelopes
    {
        public const string Payout = "{\"payoutId\":\"1774000000000000001\",\"requestId\":\"R-1\",\"payoutStatus\":\"A\",\"sourceAmount\":\"100.00\",\"sourceCurrency\":\"USD\",\"targetAmount\":\"91.08\",\"targetCurrency\":\"EUR\",\"fee\":\"1.00\"}";

        public static string Created => "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":" + Payout + "}";

        public static string Duplicate => "{\"respCode\":\"13003\",\"respMsg\":\"duplicate\",\"data\":" + Payout + "}";

        public static string ListWith => "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":{\"records\":[" + Payout + "],\"total\":\"1\",\"size\":\"10\",\"current\":\"1\"}}";

        public static string ListEmpty => "{\"respCode\":\"20000\",\"respMsg\":\"Success\",\"data\":{\"records\":[],\"total\":\"0\",\"size\":\"10\",\"current\":\"1\"}}";

        public static string Code(string code, string message = "refused") => "{\"respCode\":\"" + code + "\",\"respMsg\":\"" + message + "\",\"data\":null}";
    }
}
