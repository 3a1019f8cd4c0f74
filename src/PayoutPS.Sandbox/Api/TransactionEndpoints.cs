using System.Linq;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>Endpoints #10–#12: remittances and the transaction list.</summary>
    internal static class TransactionEndpoints
    {
        public static ApiResult RemitToPayee(ApiRequest request, SandboxState state)
        {
            var order = ReadOrder(request);
            order.BeneficiaryId = request.Id("beneficiaryId");
            return state.CreatePayout(request.Merchant, order);
        }

        public static ApiResult RemitInline(ApiRequest request, SandboxState state)
        {
            var payee = PayeeInput.Read(request);
            var order = ReadOrder(request);
            if (payee.PayoutCurrency != order.TargetCurrency)
            {
                throw new FieldException($"payoutCurrency {payee.PayoutCurrency} differs from targetCurrency {order.TargetCurrency}; they must match.");
            }

            var isSwift = PaymentMethods.Canonical(payee.PaymentMethod) == "SWIFT";
            if (isSwift != (order.FeeBearing != null))
            {
                throw new FieldException(isSwift ? "feeBearing is required for SWIFT (SHA or OUR)." : "feeBearing is only allowed for SWIFT payouts.");
            }

            order.PaymentMethod = payee.PaymentMethod;
            order.PayeeName = payee.Name;
            order.CardNumber = payee.CardNumber;
            return state.CreatePayout(request.Merchant, order);
        }

        public static ApiResult List(ApiRequest request, SandboxState state)
        {
            var filter = new PayoutFilter
            {
                RequestId = request.Optional("requestId", 32),
                PayoutId = request.OptionalId("payoutId"),
                PayoutStatus = request.OptionalOneOf("payoutStatus", PayoutStatus.All),
                FinishFrom = request.OptionalTime("payoutStartTime"),
                FinishTo = request.OptionalTime("payoutEndTime"),
                CreateFrom = request.Time("createTimeStartTime"),
                CreateTo = request.Time("createTimeEndTime"),
                PayoutMethod = request.OptionalOneOf("payoutMethod", PaymentMethods.All),
                CreatedBefore = request.ListHidesNewerThan == null ? (System.DateTime?)null : state.Now - request.ListHidesNewerThan.Value,
            };
            var size = request.Page("size", 100);
            var current = request.Page("current", 100000);
            if (filter.CreateTo < filter.CreateFrom)
            {
                throw new FieldException("createTimeEndTime is before createTimeStartTime.");
            }

            return ApiResult.Ok(state.ListPayouts(request.Merchant.MerchantNo, filter, size, current));
        }

        /// <summary>The fields common to #10 and #11 (spec §3.1).</summary>
        private static PayoutOrder ReadOrder(ApiRequest request)
        {
            var order = new PayoutOrder
            {
                RequestId = request.Required("requestId", 32),
                SourceCurrency = request.Currency("sourceCurrency"),
                TargetCurrency = request.Currency("targetCurrency"),
                ChargeFlag = request.OneOf("chargeFlag", "Y", "N"),
                TransactionPurpose = request.OneOf("transactionPurpose", "0", "1", "2", "3", "4", "5"),
                Reference = request.Optional("reference", 256),
                FeeBearing = request.OptionalOneOf("feeBearing", "SHA", "OUR"),
                PayerId = request.OptionalId("payerId"),
            };
            order.Amount = order.ChargeFlag == "N"
                ? request.Amount("sourceAmount", order.SourceCurrency)
                : request.Amount("targetAmount", order.TargetCurrency);
            var payerDetail = request.OptionalJsonObject("payerDetail");
            if (order.PayerId != null && payerDetail != null)
            {
                throw new FieldException("payerId and payerDetail are both given; send one of them for a payout on behalf of a payer.");
            }

            order.HasPayerDetail = payerDetail != null;
            order.Wire = request.Fields.Where(f => f.Key != "sign").ToDictionary(f => f.Key, f => f.Value);
            return order;
        }
    }
}
