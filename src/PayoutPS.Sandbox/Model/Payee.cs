using System;
using System.Collections.Generic;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>A beneficiary (spec §3.2) and where it is in the review lifecycle.</summary>
    internal sealed class Payee
    {
        public string BeneficiaryId { get; set; } = string.Empty;

        public string MerchantNo { get; set; } = string.Empty;

        public string Status { get; set; } = PayeeStatus.Waiting;

        /// <summary>Sandbox time at which review ends (PASS, or REJECT for a trigger).</summary>
        public DateTime ReviewDueAt { get; set; }

        public bool RejectOnReview { get; set; }

        public string CardNumber { get; set; } = string.Empty;

        public Dictionary<string, string> Fields { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public DateTime CreateTime { get; set; }

        public DateTime UpdateTime { get; set; }
    }

    internal static class PayeeStatus
    {
        public const string Waiting = "WAITING";
        public const string Pass = "PASS";
        public const string Reject = "REJECT";
        public const string PendingUpdate = "PENDING_UPDATE";

        public static readonly string[] All = { "WAITING", "PROCESS", "REJECT", "PASS", "FAIL", "UNNECESSARY", "PENDING_UPDATE", "DISABLE" };
    }
}
