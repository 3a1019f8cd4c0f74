using System;
using System.Collections.Generic;

namespace PayoutPS.Sandbox
{
    /// <summary>Everything the sandbox can be told at start-up (command line or tests).</summary>
    public sealed class SandboxOptions
    {
        /// <summary>0 picks a free port.</summary>
        public int Port { get; set; }

        /// <summary>Where to write the ready line as well as standard output.</summary>
        public string? ReadyFile { get; set; }

        /// <summary>A JSON file with merchants; without it the documented default merchant is used.</summary>
        public string? MerchantsFile { get; set; }

        /// <summary>Callback URL for the default merchant.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>Sandbox seconds from adding (or editing) a payee to the end of its review.</summary>
        public double PayeeReviewSeconds { get; set; } = 2;

        /// <summary>Sandbox seconds between two payout statuses.</summary>
        public double StatusStepSeconds { get; set; } = 1;

        /// <summary>Delays before each callback retry, in sandbox seconds; the last one repeats.</summary>
        public IReadOnlyList<double> CallbackRetrySeconds { get; set; } = new[] { 2d, 5, 10, 30, 60 };

        /// <summary>How many callback attempts before giving up on a delivery.</summary>
        public int CallbackMaxAttempts { get; set; } = 10;

        public double ClockSpeed { get; set; } = 1;

        /// <summary>Requests per second per merchant; 0 means no limit.</summary>
        public double RateLimitPerSecond { get; set; }

        public long MaxBodyBytes { get; set; } = 1024 * 1024;

        /// <summary>The merchants when no file is given; tests set them directly.</summary>
        internal List<Model.MerchantConfig> Merchants { get; set; } = new List<Model.MerchantConfig>();

        internal DateTime ClockStart { get; set; } = DateTime.UtcNow;
    }
}
