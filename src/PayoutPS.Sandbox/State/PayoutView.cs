using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PayoutPS.Sandbox.State
{
    /// <summary>
    /// A payout as responses show it (spec §3.4), in this field order. A type rather than a dictionary: a page of
    /// the transaction list serializes 100 of them, and a typed shape is several times cheaper to write.
    /// </summary>
    internal sealed class PayoutView
    {
        [JsonPropertyName("payoutId")] public string? PayoutId { get; set; }

        [JsonPropertyName("requestId")] public string? RequestId { get; set; }

        [JsonPropertyName("payoutStatus")] public string? PayoutStatus { get; set; }

        [JsonPropertyName("sourceAmount")] public string? SourceAmount { get; set; }

        [JsonPropertyName("sourceCurrency")] public string? SourceCurrency { get; set; }

        [JsonPropertyName("targetAmount")] public string? TargetAmount { get; set; }

        [JsonPropertyName("targetCurrency")] public string? TargetCurrency { get; set; }

        [JsonPropertyName("fee")] public string? Fee { get; set; }

        [JsonPropertyName("paymentMethod")] public string? PaymentMethod { get; set; }

        [JsonPropertyName("beneficiaryId")] public string? BeneficiaryId { get; set; }

        [JsonPropertyName("cardNumber")] public string? CardNumber { get; set; }

        [JsonPropertyName("payerId")] public string? PayerId { get; set; }

        [JsonPropertyName("reference")] public string? Reference { get; set; }

        [JsonPropertyName("reason")] public string? Reason { get; set; }

        [JsonPropertyName("createTime")] public string? CreateTime { get; set; }

        [JsonPropertyName("updateTime")] public string? UpdateTime { get; set; }

        [JsonPropertyName("finishTime")] public string? FinishTime { get; set; }

        /// <summary>More fields after these (the control plane's state adds the merchant, the wire request…).</summary>
        [JsonExtensionData] public Dictionary<string, object?>? More { get; set; }
    }
}
