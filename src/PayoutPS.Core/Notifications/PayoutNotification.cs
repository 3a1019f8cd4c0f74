using System.Collections.Generic;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Notifications
{
    /// <summary>
    /// A status notification (spec §5) as received, checked: the signature (in constant time), the merchant
    /// number and the required fields. <see cref="IsValid"/> false means: do not act on it; <see cref="Problem"/> says why.
    /// </summary>
    public sealed class PayoutNotification
    {
        private static readonly string[] Required = { "merchantNo", "payoutId", "requestId", "payoutStatus" };

        public bool IsValid { get; private set; }

        /// <summary>Why the notification must not be trusted; null when it is valid.</summary>
        public string? Problem { get; private set; }

        public string? MerchantNo { get; private set; }

        public string? PayoutId { get; private set; }

        public string? RequestId { get; private set; }

        public string? Status { get; private set; }

        public string StatusMeaning => PayoutStatusCodes.Describe(Status);

        /// <summary>The status's name, as New-Payout's and Get-PayoutStatus's tables show it.</summary>
        public string? StatusName => PayoutStatusCodes.Name(Status);

        public bool IsTerminal => PayoutStatusCodes.IsTerminal(Status);

        public string? SourceAmount { get; private set; }

        public string? SourceCurrency { get; private set; }

        public string? TargetAmount { get; private set; }

        public string? TargetCurrency { get; private set; }

        public string? Fee { get; private set; }

        /// <summary>The service's reason, for a payout that failed.</summary>
        public string? FailureReason { get; private set; }

        /// <summary>When the service sent it, UTC.</summary>
        public System.DateTime? NotifyTime { get; private set; }

        /// <summary>With -Journal: Applied (the row's status moved), Repeat (already known), Late (a final status was known) or NotApplied (see <see cref="JournalProblem"/>); null otherwise.</summary>
        public string? JournalUpdate { get; set; }

        /// <summary>With -Journal: why a validly signed notification was not applied to the journal (it does not match its row).</summary>
        public string? JournalProblem { get; set; }

        /// <summary>Checks <paramref name="body"/> with the key that signs notifications, for <paramref name="expectedMerchant"/>.</summary>
        public static PayoutNotification Check(string body, ISignatureVerifier verifier, string? expectedMerchant)
        {
            IReadOnlyList<RequestField> fields;
            try
            {
                fields = Json.PayoutJson.ReadFields(body);
            }
            catch (PayoutRequestException ex)
            {
                return new PayoutNotification { Problem = "The body is not a notification: " + ex.Message };
            }

            string? Field(string name) => RequestFields.Find(fields, name);
            var notification = new PayoutNotification
            {
                MerchantNo = Field("merchantNo"),
                PayoutId = Field("payoutId"),
                RequestId = Field("requestId"),
                Status = Field("payoutStatus"),
                SourceAmount = Field("sourceAmount"),
                SourceCurrency = Field("sourceCurrency"),
                TargetAmount = Field("targetAmount"),
                TargetCurrency = Field("targetCurrency"),
                Fee = Field("fee"),
                FailureReason = Field("reason"),
                NotifyTime = Account.ServiceTime.Parse(Field("notifyTime")),
            };
            var signature = SignatureCheck.Verify(fields, verifier); // the verifiers compare in constant time
            if (!signature.IsValid)
            {
                notification.Problem = $"Signature {signature.Status}: {signature.Reason}";
                return notification;
            }

            foreach (var name in Required)
            {
                if (string.IsNullOrEmpty(Field(name)))
                {
                    notification.Problem = $"The notification has no {name}.";
                    return notification;
                }
            }

            if (expectedMerchant != null && notification.MerchantNo != expectedMerchant)
            {
                notification.Problem = $"The notification is for merchant {notification.MerchantNo}, not {expectedMerchant}: it was not meant for you.";
                return notification;
            }

            if (PayoutStatusCodes.Describe(notification.Status).StartsWith("Unknown", System.StringComparison.Ordinal))
            {
                notification.Problem = $"payoutStatus '{notification.Status}' is not a status of the API.";
                return notification;
            }

            notification.IsValid = true;
            return notification;
        }
    }
}
