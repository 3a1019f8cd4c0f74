using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Redaction;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Transport
{
    /// <summary>
    /// Signs and POSTs requests over one reused HttpClient. Retries only what is safe (connection failures,
    /// timeouts, 429, 5xx, respCode 11001) with backoff; never any other answer.
    /// </summary>
    public sealed class PayoutTransport : IDisposable
    {
        public const string SystemErrorCode = "11001";

        /// <summary>
        /// The most requests one session has in flight (New-Payout's largest -ThrottleLimit). Each gets its own
        /// connection to the payout host: on .NET Framework the default is 2 per host, so a batch's requests
        /// would queue inside the handler while their per-attempt timeout runs.
        /// </summary>
        public const int MaxConcurrentRequests = 64;

        private readonly HttpClient _http;
        private readonly RequestSigner _signer;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Random _random;

        public PayoutTransport(TransportSettings settings, RequestSigner signer, string merchantNo, HttpMessageHandler? handler = null,
            Func<TimeSpan, CancellationToken, Task>? delay = null, Random? random = null)
        {
            Settings = settings.Clone();
            _signer = signer;
            MerchantNo = merchantNo;
            _delay = delay ?? ((span, token) => Task.Delay(span, token));
            _random = random ?? new Random();
            _http = new HttpClient(handler ?? CreateHandler(Settings), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public TransportSettings Settings { get; }

        /// <summary>The service's time, as the Date headers of its answers tell it.</summary>
        public ServiceClock ServiceClock { get; } = new ServiceClock();

        public string MerchantNo { get; }

        public string AlgorithmName => _signer.AlgorithmName;

        /// <summary>Signs once: retries resend these exact bytes, so the requestId and sign never change.</summary>
        public SignedRequest Sign(IReadOnlyList<RequestField> fields) =>
            RequestSigning.Sign(RequestFields.WithDefault(fields, "merchantNo", MerchantNo), _signer);

        /// <summary>Sends with retries; for reads and other requests that are safe to repeat.</summary>
        public async Task<ApiEnvelope> SendAsync(string path, IReadOnlyList<RequestField> fields, IPayoutLog log, CancellationToken cancellationToken)
        {
            var request = Sign(fields);
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await SendOnceAsync(path, request, attempt, log, cancellationToken).ConfigureAwait(false);
                if (!outcome.IsTransient)
                {
                    return outcome.Envelope!;
                }

                if (attempt > Settings.MaxRetries)
                {
                    throw new PayoutApiException(PayoutErrorKind.Unavailable,
                        $"POST {path} to {Settings.BaseUri.Authority} failed {attempt} times ({outcome.Failure}){Route()}; the service or the way to it is unreachable or overloaded. " +
                        "Try again later or raise -MaxRetries / -TimeoutSec.");
                }

                await BackoffAsync(attempt, outcome, log, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Waits before retry number <paramref name="retry"/>; a Retry-After beyond the limit fails instead.</summary>
        public async Task BackoffAsync(int retry, AttemptOutcome outcome, IPayoutLog log, CancellationToken cancellationToken)
        {
            if (outcome.RetryAfter > Settings.MaxRetryAfter)
            {
                throw new PayoutApiException(PayoutErrorKind.Unavailable,
                    $"The service asked to wait {outcome.RetryAfter.Value.TotalSeconds:0} s (Retry-After), longer than the {Settings.MaxRetryAfter.TotalSeconds:0} s limit. Try again later.");
            }

            var delay = Backoff.Delay(retry, outcome.RetryAfter, Settings, _random);
            log.Verbose($"Retrying in {delay.TotalMilliseconds:0} ms{(outcome.RetryAfter != null ? " (Retry-After)" : string.Empty)}.");
            await _delay(delay, cancellationToken).ConfigureAwait(false);
        }

        public async Task<AttemptOutcome> SendOnceAsync(string path, SignedRequest request, int attempt, IPayoutLog log, CancellationToken cancellationToken)
        {
            var uri = new Uri(Settings.BaseUri.AbsoluteUri.TrimEnd('/') + path);
            if (log.IsDebugEnabled)
            {
                log.Debug($"POST {path} body: {Redactor.RedactBody(request.Body)}");
            }

            var watch = Stopwatch.StartNew();
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(Settings.Timeout);
                try
                {
                    using (var content = new StringContent(request.Body, Encoding.UTF8, "application/json"))
                    using (var response = await _http.PostAsync(uri, content, timeout.Token).ConfigureAwait(false))
                    {
                        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var envelope = ApiEnvelope.Parse((int)response.StatusCode, body);
                        envelope.ServerDate = response.Headers.Date;
                        ServiceClock.Observe(response.Headers.Date);
                        var status = (int)response.StatusCode;
                        log.Verbose($"POST {path} attempt {attempt}: HTTP {status} respCode {envelope.RespCode ?? "-"} in {watch.ElapsedMilliseconds} ms");
                        if (log.IsDebugEnabled)
                        {
                            log.Debug($"POST {path} response: {Redactor.RedactBody(envelope.Raw)}");
                        }
                        if (status == 429 || status >= 500)
                        {
                            return AttemptOutcome.Transient($"HTTP {status}", RetryAfter(response.Headers.RetryAfter), mayHaveArrived: status != 429);
                        }

                        if (envelope.RespCode == SystemErrorCode)
                        {
                            return AttemptOutcome.Transient($"respCode {SystemErrorCode} (system error)");
                        }

                        return AttemptOutcome.Answered(envelope);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    log.Verbose($"POST {path} attempt {attempt}: no answer within {Settings.Timeout.TotalSeconds:0.#} s");
                    return AttemptOutcome.Transient($"timeout after {Settings.Timeout.TotalSeconds:0.#} s");
                }
                catch (HttpRequestException ex)
                {
                    log.Verbose($"POST {path} attempt {attempt}: connection failed after {watch.ElapsedMilliseconds} ms ({Innermost(ex)})");
                    return AttemptOutcome.Transient("connection failed: " + Innermost(ex), mayHaveArrived: !NeverConnected(ex));
                }
            }
        }

        /// <summary>
        /// How requests get to the service: directly, or through a proxy (given with -Proxy, or the system's). A
        /// dead proxy fails like a dead service; naming it tells the sysadmin where to look.
        /// </summary>
        public string Route()
        {
            Uri? proxy = null;
            try
            {
                var source = Settings.Proxy ?? SystemProxy();
                proxy = source == null || source.IsBypassed(Settings.BaseUri) ? null : source.GetProxy(Settings.BaseUri);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                return string.Empty; // a proxy configuration we cannot read: say nothing rather than something wrong
            }

            return proxy == null || proxy == Settings.BaseUri ? ", connecting directly (no proxy)" : $", through the proxy {proxy.GetLeftPart(UriPartial.Authority)}";
        }

        private static IWebProxy? SystemProxy()
        {
#if NETFRAMEWORK
            return WebRequest.DefaultWebProxy;
#else
            return HttpClient.DefaultProxy;
#endif
        }

        /// <summary>A refused connection or an unknown host: the request cannot have left this machine.</summary>
        private static bool NeverConnected(Exception ex)
        {
            for (var inner = ex; inner != null; inner = inner.InnerException)
            {
                if (inner is System.Net.Sockets.SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.HostNotFound:
                        case System.Net.Sockets.SocketError.HostUnreachable:
                        case System.Net.Sockets.SocketError.NetworkUnreachable:
                        case System.Net.Sockets.SocketError.TryAgain:
                            return true;
                    }
                }
            }

            return false;
        }

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex.Message;
        }

        private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
        {
            if (header?.Delta != null)
            {
                return header.Delta;
            }

            if (header?.Date != null)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        internal static HttpMessageHandler CreateHandler(TransportSettings settings)
        {
#if NETFRAMEWORK
            // Windows PowerShell 5.1 may default to TLS 1.0; the service needs TLS 1.2 or later. Only add it, only
            // when missing: the setting is process-wide and other modules' choices stay as they are.
            if ((ServicePointManager.SecurityProtocol & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }

            return new HttpClientHandler
            {
                Proxy = settings.Proxy,
                UseProxy = true, // null Proxy = the system proxy, as a sysadmin behind one expects
                AllowAutoRedirect = false, // see below
                // Only for the hosts this handler calls: ServicePointManager.DefaultConnectionLimit, which every
                // other module in the process shares, stays as it is.
                MaxConnectionsPerServer = MaxConcurrentRequests,
            };
#else
            return new SocketsHttpHandler
            {
                Proxy = settings.Proxy,
                UseProxy = true, // null Proxy = the system proxy, as a sysadmin behind one expects
                // No AutomaticDecompression: answers are a few hundred bytes, and a batch sends thousands a second.
                // A 307/308 would resend the signed payout to whatever address the answer names: a redirect
                // is an answer that is not the API's, reported as such, and nothing follows it.
                AllowAutoRedirect = false,
                // A session that lives for months must see DNS changes: connections are recycled after a while.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = MaxConcurrentRequests,
            };
#endif
        }

        public void Dispose() => _http.Dispose();
    }
}
