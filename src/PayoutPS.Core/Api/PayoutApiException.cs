using System;

namespace PayoutPS.Core.Api
{
    /// <summary>What went wrong, in families a caller can act on. Stable: scripts match on these.</summary>
    public enum PayoutErrorKind
    {
        /// <summary>The request was refused as invalid (13001); fix the named field.</summary>
        InvalidRequest,

        /// <summary>Signature or merchant refused (13002, 12004); check merchant number and key.</summary>
        Authentication,

        /// <summary>Not enough balance (14001).</summary>
        InsufficientFunds,

        /// <summary>Payee not approved, duplicate or unknown (14002–14004).</summary>
        Payee,

        /// <summary>Unknown payout or payee (14004).</summary>
        NotFound,

        /// <summary>Transient failures outlasted the retries; for a payout, whether it exists was checked.</summary>
        Unavailable,

        /// <summary>Any other code: the service refused; never treated as success.</summary>
        Rejected,

        /// <summary>An attempt's answer was lost and the service does not (yet) show the payout: it may or may not be paid.</summary>
        InDoubt,

        /// <summary>The service holds another payout under this requestId: this row was not paid.</summary>
        RequestIdConflict,

        /// <summary>
        /// A derived requestId the service already held for a payout made before the duplicate window: an earlier pay
        /// run with the same BatchId. Held, never counted as paid by this run.
        /// </summary>
        EarlierPayout,
    }

    /// <summary>The service refused a request, or could not be reached. The message says what to do.</summary>
    [Serializable]
    public sealed class PayoutApiException : Exception
    {
        public PayoutApiException(PayoutErrorKind kind, string message, string? respCode = null, string? respMsg = null, int? httpStatus = null, string? requestId = null)
            : base(message)
        {
            Kind = kind;
            RespCode = respCode;
            RespMsg = respMsg;
            HttpStatus = httpStatus;
            RequestId = requestId;
        }

        public PayoutErrorKind Kind { get; }

        public string? RespCode { get; }

        public string? RespMsg { get; }

        public int? HttpStatus { get; }

        public string? RequestId { get; }

        /// <summary>Turns a refused envelope into an exception whose message says what to do next.</summary>
        public static PayoutApiException FromEnvelope(ApiEnvelope envelope, string? requestId)
        {
            var said = $"respCode {envelope.RespCode}: {envelope.RespMsg}";
            switch (envelope.RespCode)
            {
                case "13001":
                    var parameter = Payouts.PayeeFieldNames.ExplainInParameters(envelope.RespMsg);
                    return New(PayoutErrorKind.InvalidRequest, $"The service refused the request as invalid ({said}). " +
                        (parameter == null ? "Fix the named field and send again." : $"That is {parameter}: fix it and send again."));
                case "13002":
                    return New(PayoutErrorKind.Authentication, $"The service rejected the signature ({said}). Check the merchant number and that the key is the one registered for it.");
                case "12004":
                    return New(PayoutErrorKind.Authentication, $"The merchant is unknown or disabled ({said}). Check -MerchantId and the environment.");
                case "14001":
                    return New(PayoutErrorKind.InsufficientFunds, $"Insufficient balance ({said}). Top up the source currency balance, then send again with the same requestId.");
                case "14002":
                case "14003":
                    return New(PayoutErrorKind.Payee, $"The payee cannot be used ({said}).");
                case "14004":
                    return New(PayoutErrorKind.NotFound, $"Not found ({said}).");
                case null:
                    return New(PayoutErrorKind.Rejected, $"HTTP {envelope.HttpStatus} without a Payout API answer: check the base URL (it should end in /payout) and any proxy in between.");
                default:
                    return New(PayoutErrorKind.Rejected, $"The service refused the request (HTTP {envelope.HttpStatus}, {said}). Unknown codes are never treated as success.");
            }

            PayoutApiException New(PayoutErrorKind kind, string message) =>
                new PayoutApiException(kind, message, envelope.RespCode, envelope.RespMsg, envelope.HttpStatus, requestId);
        }
    }
}
