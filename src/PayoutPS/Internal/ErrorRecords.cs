using System;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Api;
using PayoutPS.Core.Keys;

namespace PayoutPS.Internal
{
    /// <summary>The one exception → ErrorRecord map: stable ids, the right category, and what to do.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            switch (exception)
            {
                case PayoutRequestException request:
                    var id = request.Field != null && request.Field.EndsWith("Amount", StringComparison.Ordinal) ? ErrorIds.InvalidAmount : ErrorIds.InvalidRequest;
                    return With(new ErrorRecord(request, id, ErrorCategory.InvalidArgument, target), "Fix this row's value; nothing was sent for it.");
                case PayoutKeyException key:
                    return new ErrorRecord(key, ErrorIds.InvalidKey, ErrorCategory.InvalidArgument, null);
                case PayoutApiException api:
                    var record = new ErrorRecord(api, "PayoutPS.Api." + api.Kind, Category(api.Kind), target);
                    var details = $"{api.Message}" + (api.RequestId != null ? $" (requestId {api.RequestId})" : string.Empty);
                    record.ErrorDetails = new ErrorDetails(details) { RecommendedAction = Recommended(api.Kind) };
                    return record;
                default:
                    return new ErrorRecord(exception, "PayoutPS.Unexpected", ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>An error about one payout, its row named in the message itself (the default view hides TargetObject).</summary>
        public static ErrorRecord ForRow(Exception exception, string rowLabel, object target, string? errorId = null)
        {
            if (exception is PayoutRequestException request)
            {
                exception = new PayoutRequestException($"{rowLabel}: {request.Message}", request.Field);
            }

            var record = errorId == null ? From(exception, target) : new ErrorRecord(exception, errorId, ErrorCategory.InvalidArgument, target);
            var details = record.ErrorDetails?.Message ?? exception.Message;
            record.ErrorDetails = new ErrorDetails(details.StartsWith(rowLabel, StringComparison.Ordinal) ? details : $"{rowLabel}: {details}")
            {
                RecommendedAction = record.ErrorDetails?.RecommendedAction,
            };
            return record;
        }

        private static ErrorRecord With(ErrorRecord record, string action)
        {
            record.ErrorDetails = new ErrorDetails(record.Exception.Message) { RecommendedAction = action };
            return record;
        }

        private static ErrorCategory Category(PayoutErrorKind kind)
        {
            switch (kind)
            {
                case PayoutErrorKind.InvalidRequest: return ErrorCategory.InvalidArgument;
                case PayoutErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case PayoutErrorKind.InsufficientFunds: return ErrorCategory.QuotaExceeded;
                case PayoutErrorKind.Payee: return ErrorCategory.InvalidData;
                case PayoutErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case PayoutErrorKind.Unavailable: return ErrorCategory.ConnectionError;
                case PayoutErrorKind.InDoubt: return ErrorCategory.OperationTimeout;
                case PayoutErrorKind.RequestIdConflict:
                case PayoutErrorKind.EarlierPayout:
                    return ErrorCategory.ResourceExists;
                default: return ErrorCategory.InvalidOperation;
            }
        }

        private static string Recommended(PayoutErrorKind kind)
        {
            switch (kind)
            {
                case PayoutErrorKind.Authentication: return "Check -MerchantId, the key, and -Environment; then Connect-PayoutEnvironment again.";
                case PayoutErrorKind.InsufficientFunds: return "Top up the source balance; re-running with the same RequestId cannot pay twice.";
                case PayoutErrorKind.Unavailable: return "Re-run later with the same RequestId: a payout that exists is found, never paid twice.";
                case PayoutErrorKind.InDoubt: return "Check it with Get-PayoutStatus -RequestId later, or re-run with the same RequestId: it can never pay twice.";
                case PayoutErrorKind.RequestIdConflict: return "Give this row a RequestId of its own; the existing payout is someone else's.";
                case PayoutErrorKind.EarlierPayout: return "Give this pay run a -BatchId of its own (such as the pay period); check the named payout.";
                default: return "Correct the request and send it again with the same RequestId.";
            }
        }
    }
}
