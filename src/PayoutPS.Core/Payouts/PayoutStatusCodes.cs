using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Payouts
{
    /// <summary>The payout statuses of the API (spec §4) in words.</summary>
    public static class PayoutStatusCodes
    {
        private static readonly Dictionary<string, string> Meanings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["A"] = "Pending review",
            ["CA"] = "Compliance review",
            ["B"] = "Pending system check",
            ["R"] = "Approved, pending payout",
            ["P"] = "Payout processing",
            ["S"] = "Success",
            ["F"] = "Failed",
            ["U"] = "Review failed",
            ["V"] = "System check failed",
        };

        public static string Describe(string? code) =>
            code != null && Meanings.TryGetValue(code, out var meaning) ? meaning : $"Unknown status '{code}'";

        public static bool IsTerminal(string? code) => code == "S" || code == "F" || code == "U" || code == "V";

        public static bool IsFailure(string? code) => code == "F" || code == "U" || code == "V";
    }
}
