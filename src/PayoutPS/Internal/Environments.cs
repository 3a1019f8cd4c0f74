using System;
using PayoutPS.Core.Transport;

namespace PayoutPS.Internal
{
    /// <summary>The named environments (spec §1): they differ only in domain.</summary>
    internal static class Environments
    {
        public const string Sandbox = "Sandbox";
        public const string Production = "Production";
        public const string Local = "Local";
        public const string Custom = "Custom";

        public static Uri BaseUri(string environment, int port)
        {
            switch (environment)
            {
                case Sandbox: return new Uri(Core.Readiness.SandboxProof.ProviderSandbox);
                case Production: return new Uri("https://api.onerway.com/payout");
                default: return new Uri($"http://127.0.0.1:{port}/payout");
            }
        }

        /// <summary>What a -BaseUri is: the production host is Production (with its confirmation), whatever way it is written.</summary>
        public static string Of(Uri baseUri)
        {
            if (Hosts.Same(baseUri, BaseUri(Production, 0)))
            {
                return Production;
            }

            return Hosts.Same(baseUri, BaseUri(Sandbox, 0)) ? Sandbox : Custom;
        }

        /// <summary>Why this address may not carry signed requests; null when it may. Plain http only on this machine.</summary>
        public static string? Refusal(Uri baseUri)
        {
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            {
                return $"-BaseUri '{baseUri}' is not a web address: give the API's https:// base URL, such as {BaseUri(Sandbox, 0)}.";
            }

            if (baseUri.Scheme == Uri.UriSchemeHttp && !Hosts.IsLoopback(baseUri))
            {
                return $"-BaseUri '{baseUri}' is plain http to another machine: signed payout requests would cross the network unencrypted. Use https://, or http only to 127.0.0.1 or localhost.";
            }

            return null;
        }

    }
}
