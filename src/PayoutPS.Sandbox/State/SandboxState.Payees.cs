using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PayoutPS.Sandbox.Api;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    internal sealed partial class SandboxState
    {
        /// <summary>Adds a payee (#6) in WAITING; review ends after the configured delay. Same cardNumber twice: 14003.</summary>
        public ApiResult AddPayee(Merchant merchant, Dictionary<string, string> fields, string cardNumber, bool rejectOnReview)
        {
            lock (_gate)
            {
                var duplicate = _payees.Values.FirstOrDefault(p => p.MerchantNo == merchant.MerchantNo && p.CardNumber == cardNumber);
                if (duplicate != null)
                {
                    return ApiResult.Fail(RespCodes.DuplicatePayee,
                        $"A payee with this cardNumber exists (beneficiaryId {duplicate.BeneficiaryId}); reuse it.",
                        new Dictionary<string, object?> { ["beneficiaryId"] = duplicate.BeneficiaryId });
                }

                var now = Now;
                var payee = new Payee
                {
                    BeneficiaryId = (_nextPayeeId++).ToString(CultureInfo.InvariantCulture),
                    MerchantNo = merchant.MerchantNo,
                    Status = PayeeStatus.Waiting,
                    ReviewDueAt = now.AddSeconds(_options.PayeeReviewSeconds),
                    RejectOnReview = rejectOnReview,
                    CardNumber = cardNumber,
                    Fields = fields,
                    CreateTime = now,
                    UpdateTime = now,
                };
                _payees[payee.BeneficiaryId] = payee;
                _pendingReviews.Enqueue(payee, payee.ReviewDueAt);
                return ApiResult.Ok(Views.Payee(payee));
            }
        }

        /// <summary>Edits a payee (#7): back to review as PENDING_UPDATE.</summary>
        public ApiResult EditPayee(Merchant merchant, string beneficiaryId, Dictionary<string, string> fields, string cardNumber, bool rejectOnReview)
        {
            lock (_gate)
            {
                if (!_payees.TryGetValue(beneficiaryId, out var payee) || payee.MerchantNo != merchant.MerchantNo)
                {
                    return ApiResult.Fail(RespCodes.NotFound, $"beneficiaryId '{beneficiaryId}' is unknown.");
                }

                var duplicate = _payees.Values.FirstOrDefault(p => p.MerchantNo == merchant.MerchantNo && p.CardNumber == cardNumber && p != payee);
                if (duplicate != null)
                {
                    return ApiResult.Fail(RespCodes.DuplicatePayee, $"Another payee has this cardNumber (beneficiaryId {duplicate.BeneficiaryId}).");
                }

                var now = Now;
                payee.Fields = fields;
                payee.CardNumber = cardNumber;
                payee.Status = PayeeStatus.PendingUpdate;
                payee.RejectOnReview = rejectOnReview;
                payee.ReviewDueAt = now.AddSeconds(_options.PayeeReviewSeconds);
                payee.UpdateTime = now;
                _pendingReviews.Enqueue(payee, payee.ReviewDueAt);
                return ApiResult.Ok(Views.Payee(payee));
            }
        }

        public ApiResult PayeeDetail(Merchant merchant, string beneficiaryId)
        {
            lock (_gate)
            {
                return _payees.TryGetValue(beneficiaryId, out var payee) && payee.MerchantNo == merchant.MerchantNo
                    ? ApiResult.Ok(Views.Payee(payee))
                    : ApiResult.Fail(RespCodes.NotFound, $"beneficiaryId '{beneficiaryId}' is unknown.");
            }
        }

        public PageView<Dictionary<string, object?>> ListPayees(Merchant merchant, string? status, string? beneficiaryId, string? cardNumber, int size, int current)
        {
            lock (_gate)
            {
                var matches = _payees.Values
                    .Where(p => p.MerchantNo == merchant.MerchantNo && (status == null || p.Status == status) &&
                                (beneficiaryId == null || p.BeneficiaryId == beneficiaryId) && (cardNumber == null || p.CardNumber == cardNumber))
                    .OrderBy(p => p.BeneficiaryId, StringComparer.Ordinal)
                    .ToList();
                return Views.Page(matches, size, current, p => Views.Payee(p));
            }
        }
    }
}
