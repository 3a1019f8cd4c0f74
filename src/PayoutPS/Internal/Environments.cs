using System;

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
                case Sandbox: return new Uri("https://sandbox-api.onerway.com/payout");
                case Production: return new Uri("https://api.onerway.com/payout");
                default: return new Uri($"http://127.0.0.1:{port}/payout");
            }
        }
    }
}
