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

        /// <summary>
        /// A table column's words for a status: its meaning's own words, shortened, never another name for it (A is
        /// "Pending review" in both; it was "In review" in tables).
        /// </summary>
        private static readonly Dictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["A"] = "Pending review", ["CA"] = "Compliance review", ["B"] = "System check", ["R"] = "Approved", ["P"] = "Processing",
            ["S"] = "Success", ["F"] = "Failed", ["U"] = "Review failed", ["V"] = "Check failed",
        };

        public static string? Name(string? code) => code == null ? null : Names.TryGetValue(code, out var name) ? name : code;

        public static string Describe(string? code) =>
            code != null && Meanings.TryGetValue(code, out var meaning) ? meaning : $"Unknown status '{code}'";

        public static bool IsTerminal(string? code) => code == "S" || code == "F" || code == "U" || code == "V";

        public static bool IsFailure(string? code) => code == "F" || code == "U" || code == "V";
    }
}
