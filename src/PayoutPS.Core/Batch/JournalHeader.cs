using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>The first line of a journal: which batch, from what input, for which merchant and environment.</summary>
    public sealed class JournalHeader
    {
        public const int CurrentVersion = 1;

        public int Version { get; set; } = CurrentVersion;

        /// <summary>32 hex characters; part of every generated requestId, so a rerun finds the same ids.</summary>
        public string BatchId { get; set; } = string.Empty;

        public DateTime CreatedUtc { get; set; }

        public string Merchant { get; set; } = string.Empty;

        public string Environment { get; set; } = string.Empty;

        public string BaseUri { get; set; } = string.Empty;

        /// <summary>The input file, when the rows came from one (-Path); null for pipeline input.</summary>
        public string? InputFile { get; set; }

        /// <summary>SHA-256 of the input file's bytes, when known.</summary>
        public string? InputHash { get; set; }

        /// <summary>How many rows the input file has, when known: Get-PayoutBatch can then tell rows never reached.</summary>
        public int? InputRows { get; set; }

        public static string NewBatchId() => Guid.NewGuid().ToString("N");

        /// <summary>Null when this header's batch may be continued by <paramref name="merchant"/> at <paramref name="baseUri"/>; otherwise why not.</summary>
        public string? Mismatch(string merchant, string environment, string baseUri)
        {
            if (!string.Equals(Merchant, merchant, StringComparison.Ordinal))
            {
                return $"it belongs to merchant {Merchant}, not {merchant}";
            }

            if (!string.Equals(BaseUri.TrimEnd('/'), baseUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return $"it was started against {Environment} ({BaseUri}), not {environment} ({baseUri})";
            }

            return null;
        }
    }
}
