using System.Text.Json;
using PayoutPS.Core.Api;

namespace PayoutPS.Core.Payouts
{
    /// <summary>How a payout request ended up being answered.</summary>
    public enum PayoutOutcome
    {
        /// <summary>This call created it.</summary>
        Created,

        /// <summary>The requestId was already used (13003): this is the original payout; nothing was paid again.</summary>
        AlreadyExisted,

        /// <summary>An attempt's answer was lost; the payout was found by requestId instead of paying again.</summary>
        Recovered,

        /// <summary>Read from the transaction list.</summary>
        Queried,

        /// <summary>Paid by an earlier run of this batch, as its journal recorded; not sent again.</summary>
        Journaled,
    }

    /// <summary>A payout as the service describes it. Parsed leniently; the raw JSON is kept.</summary>
    public sealed class PayoutRecord
    {
        public string? PayoutId { get; private set; }

        public string? RequestId { get; private set; }

        public string? Status { get; private set; }

        public string StatusMeaning => PayoutStatusCodes.Describe(Status);

        public bool IsTerminal => PayoutStatusCodes.IsTerminal(Status);

        public string? SourceAmount { get; private set; }

        public string? SourceCurrency { get; private set; }

        public string? TargetAmount { get; private set; }

        public string? TargetCurrency { get; private set; }

        public string? Fee { get; private set; }

        public string? Reason { get; private set; }

        /// <summary>The payment reference shown to the payee, when the service says.</summary>
        public string? Reference { get; private set; }

        /// <summary>The approved payee paid, when the service says.</summary>
        public string? BeneficiaryId { get; private set; }

        /// <summary>The payee's account as the service shows it (possibly masked), when it does.</summary>
        public string? CardNumber { get; private set; }

        public string? CreateTime { get; private set; }

        public string? UpdateTime { get; private set; }

        public string? FinishTime { get; private set; }

        public PayoutOutcome Outcome { get; private set; }

        public string RawJson { get; private set; } = "{}";

        public static PayoutRecord From(JsonElement data, PayoutOutcome outcome) => new PayoutRecord
        {
            PayoutId = ApiEnvelope.Text(data, "payoutId"),
            RequestId = ApiEnvelope.Text(data, "requestId"),
            Status = ApiEnvelope.Text(data, "payoutStatus"),
            SourceAmount = ApiEnvelope.Text(data, "sourceAmount"),
            SourceCurrency = ApiEnvelope.Text(data, "sourceCurrency"),
            TargetAmount = ApiEnvelope.Text(data, "targetAmount"),
            TargetCurrency = ApiEnvelope.Text(data, "targetCurrency"),
            Fee = ApiEnvelope.Text(data, "fee"),
            Reason = ApiEnvelope.Text(data, "reason"),
            Reference = ApiEnvelope.Text(data, "reference"),
            BeneficiaryId = ApiEnvelope.Text(data, "beneficiaryId"),
            CardNumber = ApiEnvelope.Text(data, "cardNumber"),
            CreateTime = ApiEnvelope.Text(data, "createTime"),
            UpdateTime = ApiEnvelope.Text(data, "updateTime"),
            FinishTime = ApiEnvelope.Text(data, "finishTime"),
            Outcome = outcome,
            RawJson = data.GetRawText(),
        };

        /// <summary>This payout with a status learned later (a notification, a lookup): a final status never moves back.</summary>
        public PayoutRecord Settled(string laterStatus)
        {
            var settled = (PayoutRecord)MemberwiseClone();
            settled.Status = Notifications.NotificationLog.Settle(Status, laterStatus);
            return settled;
        }

        /// <summary>A journal's outcome record (its own field names) as the payout it recorded.</summary>
        public static PayoutRecord FromJournal(JsonElement outcome) => new PayoutRecord
        {
            PayoutId = ApiEnvelope.Text(outcome, "payoutId"),
            RequestId = ApiEnvelope.Text(outcome, "requestId"),
            Status = ApiEnvelope.Text(outcome, "status"),
            SourceAmount = ApiEnvelope.Text(outcome, "sourceAmount"),
            SourceCurrency = ApiEnvelope.Text(outcome, "sourceCurrency"),
            TargetAmount = ApiEnvelope.Text(outcome, "targetAmount"),
            TargetCurrency = ApiEnvelope.Text(outcome, "targetCurrency"),
            Fee = ApiEnvelope.Text(outcome, "fee"),
            CreateTime = ApiEnvelope.Text(outcome, "createTime"),
            Outcome = PayoutOutcome.Journaled,
            RawJson = outcome.GetRawText(),
        };
    }
}
