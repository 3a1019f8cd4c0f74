using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Readiness
{
    /// <summary>
    /// Whether a service is known to move no real money: the provider's sandbox host, or a service on this
    /// machine whose control plane answers as this project's sandbox does. Anything else might be production
    /// under another name (a proxy, a custom domain), so checks that create payouts do not run there.
    /// </summary>
    public static class SandboxProof
    {
        public const string ProviderSandbox = "https://sandbox-api.onerway.com/payout";

        /// <summary>Null when <paramref name="baseUri"/> is known to be a sandbox; otherwise why it is not.</summary>
        public static async Task<string?> WhyNotASandboxAsync(Uri baseUri, HttpMessageHandler? handler, CancellationToken token)
        {
            if (Hosts.Same(baseUri, new Uri(ProviderSandbox)) && baseUri.Scheme == Uri.UriSchemeHttps)
            {
                return null;
            }

            if (!Hosts.IsLoopback(baseUri))
            {
                return $"{baseUri.Host} is not the provider's sandbox host ({new Uri(ProviderSandbox).Host}), so it may move real money";
            }

            var health = new Uri(baseUri, "/_sandbox/health");
            try
            {
                using (var client = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false))
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(token))
                {
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    using (var response = await client.GetAsync(health, timeout.Token).ConfigureAwait(false))
                    {
                        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        if (response.IsSuccessStatusCode && text.Replace(" ", string.Empty).Contains("\"status\":\"ok\""))
                        {
                            return null;
                        }

                        return $"the service on {baseUri.Authority} does not answer as the PayoutPS sandbox ({health} gave HTTP {(int)response.StatusCode})";
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException)
            {
                return $"the service on {baseUri.Authority} does not answer as the PayoutPS sandbox ({health}: {ex.Message})";
            }
        }
    }
}
