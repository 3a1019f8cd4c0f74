using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>Endpoints #6–#9: payees and their review lifecycle.</summary>
    internal static class BeneficiaryEndpoints
    {
        public static ApiResult Add(ApiRequest request, SandboxState state)
        {
            var payee = PayeeInput.Read(request);
            return state.AddPayee(request.Merchant, payee.Stored, payee.CardNumber, payee.RejectOnReview);
        }

        public static ApiResult Edit(ApiRequest request, SandboxState state)
        {
            var id = request.Id("beneficiaryId");
            var payee = PayeeInput.Read(request);
            return state.EditPayee(request.Merchant, id, payee.Stored, payee.CardNumber, payee.RejectOnReview);
        }

        public static ApiResult Detail(ApiRequest request, SandboxState state) =>
            state.PayeeDetail(request.Merchant, request.Id("beneficiaryId"));

        public static ApiResult List(ApiRequest request, SandboxState state)
        {
            var status = request.OptionalOneOf("payeeStatus", PayeeStatus.All);
            var id = request.OptionalId("beneficiaryId");
            var card = request.Optional("cardNumber", 34);
            var size = request.Page("size", 100);
            var current = request.Page("current", 100000);
            return ApiResult.Ok(state.ListPayees(request.Merchant, status, id, card, size, current));
        }
    }
}
