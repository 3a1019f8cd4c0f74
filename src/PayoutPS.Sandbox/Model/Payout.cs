using System;
using System.Collections.Generic;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>A payout and its planned path through the status machine of spec §4.</summary>
    internal sealed class Payout
    {
        public string PayoutId { get; set; } = string.Empty;

        public string RequestId { get; set; } = string.Empty;

        public string MerchantNo { get; set; } = string.Empty;

        public string Status { get; set; } = PayoutStatus.PendingReview;

        /// <summary>The statuses still ahead, in order; the last one is terminal.</summary>
        public Queue<string> Path { get; set; } = new Queue<string>();

        public DateTime NextStepAt { get; set; }

        public decimal SourceAmount { get; set; }

        public string SourceCurrency { get; set; } = string.Empty;

        public decimal TargetAmount { get; set; }

        public string TargetCurrency { get; set; } = string.Empty;

        public decimal Fee { get; set; }

        /// <summary>What left the balance: the source amount, fee included.</summary>
        public decimal Debit { get; set; }

        public string ChargeFlag { get; set; } = "N";

        public string PaymentMethod { get; set; } = string.Empty;

        public string? BeneficiaryId { get; set; }

        public string? PayerId { get; set; }

        public bool HasPayerDetail { get; set; }

        /// <summary>The creating request's fields except sign (control plane only).</summary>
        public IReadOnlyDictionary<string, string> Wire { get; set; } = new Dictionary<string, string>();

        public string PayeeName { get; set; } = string.Empty;

        public string CardNumber { get; set; } = string.Empty;

        public string? Reference { get; set; }

        public string TransactionPurpose { get; set; } = string.Empty;

        public string? Reason { get; set; }

        public DateTime CreateTime { get; set; }

        public DateTime UpdateTime { get; set; }

        public DateTime? FinishTime { get; set; }
    }

    internal static class PayoutStatus
    {
        public const string PendingReview = "A";
        public const string ComplianceReview = "CA";
        public const string SystemCheck = "B";
        public const string Approved = "R";
        public const string Processing = "P";
        public const string Success = "S";
        public const string Failed = "F";
        public const string ReviewFailed = "U";
        public const string CheckFailed = "V";

        public static readonly string[] All = { "A", "CA", "B", "R", "P", "S", "F", "U", "V" };

        public static bool IsTerminal(string status) => status == Success || IsRefunded(status);

        /// <summary>F, U and V return the debit and fee to the balance.</summary>
        public static bool IsRefunded(string status) => status == Failed || status == ReviewFailed || status == CheckFailed;
    }

    /// <summary>One balance movement (endpoint #4).</summary>
    internal sealed class LedgerEntry
    {
        public string EntryId { get; set; } = string.Empty;

        public string MerchantNo { get; set; } = string.Empty;

        public string Currency { get; set; } = string.Empty;

        /// <summary>PAYOUT, FEE, PAYOUT_REVERSAL or FEE_REVERSAL.</summary>
        public string TxnType { get; set; } = string.Empty;

        /// <summary>Signed: negative leaves the balance.</summary>
        public decimal Amount { get; set; }

        public decimal BalanceAfter { get; set; }

        public string PayoutId { get; set; } = string.Empty;

        public string RequestId { get; set; } = string.Empty;

        public DateTime Time { get; set; }
    }

    /// <summary>A status notification owed to a merchant, and every attempt to deliver it.</summary>
    internal sealed class CallbackDelivery
    {
        public long Id { get; set; }

        public string MerchantNo { get; set; } = string.Empty;

        public string Url { get; set; } = string.Empty;

        public string PayoutId { get; set; } = string.Empty;

        public string RequestId { get; set; } = string.Empty;

        public string PayoutStatus { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;

        public bool Delivered { get; set; }

        public bool InFlight { get; set; }

        public DateTime NextAttemptAt { get; set; }

        public List<CallbackAttempt> Attempts { get; } = new List<CallbackAttempt>();
    }

    internal sealed class CallbackAttempt
    {
        public int Number { get; set; }

        public DateTime Time { get; set; }

        public int? HttpStatus { get; set; }

        public string? Error { get; set; }
    }
}
