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
        /// <summary>
        /// Books a payout exactly once per requestId: a second request with the same id creates nothing
        /// and answers 13003 with the original (spec §7). Every arrival is counted for the control plane.
        /// </summary>
        public ApiResult CreatePayout(Merchant merchant, PayoutOrder order)
        {
            lock (_gate)
            {
                var key = merchant.MerchantNo + ":" + order.RequestId;
                _creationAttempts.TryGetValue(key, out var attempts);
                _creationAttempts[key] = attempts + 1;
                if (_payoutsByRequest.TryGetValue(key, out var existing))
                {
                    return ApiResult.Fail(RespCodes.DuplicateRequest, $"requestId '{order.RequestId}' was already used; this is the original payout.", Views.Payout(existing));
                }

                var method = order.PaymentMethod;
                var payeeName = order.PayeeName ?? string.Empty;
                var cardNumber = order.CardNumber ?? string.Empty;
                if (order.BeneficiaryId != null)
                {
                    if (!_payees.TryGetValue(order.BeneficiaryId, out var payee) || payee.MerchantNo != merchant.MerchantNo)
                    {
                        return ApiResult.Fail(RespCodes.NotFound, $"beneficiaryId '{order.BeneficiaryId}' is unknown.");
                    }

                    if (payee.Status != PayeeStatus.Pass)
                    {
                        return ApiResult.Fail(RespCodes.PayeeNotApproved, $"beneficiaryId '{order.BeneficiaryId}' is {payee.Status}; only PASS payees can be paid.");
                    }

                    method = payee.Fields["paymentMethod"];
                    payeeName = payee.Fields.TryGetValue("payeeName", out var name) ? name : string.Empty;
                    cardNumber = payee.CardNumber;
                }

                var isSwift = PaymentMethods.Canonical(method!) == "SWIFT";
                if (isSwift != (order.FeeBearing != null))
                {
                    return ApiResult.Invalid(isSwift ? "feeBearing is required for SWIFT (SHA or OUR)." : "feeBearing is only allowed for SWIFT payouts.");
                }

                var quote = order.ChargeFlag == "Y"
                    ? Pricing.FromTarget(order.Amount, order.SourceCurrency, order.TargetCurrency, method!, order.FeeBearing)
                    : Pricing.FromSource(order.Amount, order.SourceCurrency, order.TargetCurrency, method!, order.FeeBearing);
                if (quote.TargetAmount <= 0)
                {
                    return ApiResult.Invalid($"sourceAmount {Currencies.Format(order.Amount, order.SourceCurrency)} does not cover the fee {Currencies.Format(quote.Fee, order.SourceCurrency)}.");
                }

                merchant.Balances.TryGetValue(order.SourceCurrency, out var balance);
                if (balance < quote.Debit)
                {
                    return ApiResult.Fail(RespCodes.InsufficientBalance,
                        $"Insufficient {order.SourceCurrency} balance: {Currencies.Format(balance, order.SourceCurrency)} available, {Currencies.Format(quote.Debit, order.SourceCurrency)} needed.");
                }

                var now = Now;
                var payout = new Payout
                {
                    PayoutId = (_nextPayoutId++).ToString(CultureInfo.InvariantCulture),
                    RequestId = order.RequestId,
                    MerchantNo = merchant.MerchantNo,
                    Status = PayoutStatus.PendingReview,
                    Path = new Queue<string>(PlannedPath(order.Reference)),
                    NextStepAt = now.AddSeconds(_options.StatusStepSeconds),
                    SourceAmount = quote.Debit,
                    SourceCurrency = order.SourceCurrency,
                    TargetAmount = quote.TargetAmount,
                    TargetCurrency = order.TargetCurrency,
                    Fee = quote.Fee,
                    Debit = quote.Debit,
                    ChargeFlag = order.ChargeFlag,
                    PaymentMethod = method!,
                    BeneficiaryId = order.BeneficiaryId,
                    PayerId = order.PayerId,
                    HasPayerDetail = order.HasPayerDetail,
                    Wire = order.Wire,
                    PayeeName = payeeName,
                    CardNumber = cardNumber,
                    Reference = order.Reference,
                    TransactionPurpose = order.TransactionPurpose,
                    CreateTime = now,
                    UpdateTime = now,
                };
                _payouts.Add(payout);
                _newestFirst = null;
                _payoutsByRequest[key] = payout;
                _payoutsById[payout.PayoutId] = payout;
                _pendingSteps.Enqueue(payout, payout.NextStepAt);
                Book(payout, "PAYOUT", -(quote.Debit - quote.Fee), now);
                Book(payout, "FEE", -quote.Fee, now);
                QueueCallback(payout, now);
                return ApiResult.Ok(Views.Payout(payout));
            }
        }

        /// <summary>Transaction list (#12): filters, newest first, one page.</summary>
        public PageView<PayoutView> ListPayouts(string merchantNo, PayoutFilter filter, int size, int current)
        {
            lock (_gate)
            {
                // A lookup by requestId or payoutId (how clients resolve a payout in doubt) needs no scan.
                IEnumerable<Payout> candidates = _payouts;
                if (filter.RequestId != null)
                {
                    candidates = _payoutsByRequest.TryGetValue(merchantNo + ":" + filter.RequestId, out var byRequest) ? new[] { byRequest } : Array.Empty<Payout>();
                }
                else if (filter.PayoutId != null)
                {
                    candidates = _payoutsById.TryGetValue(filter.PayoutId, out var byId) ? new[] { byId } : Array.Empty<Payout>();
                }

                List<Payout> matches;
                if (ReferenceEquals(candidates, _payouts))
                {
                    // Paging through 100,000 payouts asks for 1,000 pages of one query: it is sorted and filtered once
                    // per change. Only filters no status step can change are kept (creation window, method).
                    var key = $"{merchantNo}|{filter.CreateFrom:o}|{filter.CreateTo:o}|{filter.PayoutMethod}|{_payouts.Count}";
                    var stable = filter.PayoutStatus == null && filter.FinishFrom == null && filter.FinishTo == null && filter.CreatedBefore == null;
                    _newestFirst ??= PayoutOrdering.NewestFirst(_payouts);
                    List<Payout> Filter() => _newestFirst.Where(p => p.MerchantNo == merchantNo && filter.Matches(p)).ToList();
                    matches = stable ? Remembered(ref _lastList, key, Filter) : Filter();
                }
                else
                {
                    matches = candidates.Where(p => p.MerchantNo == merchantNo && filter.Matches(p)).ToList();
                }

                return Views.Page(matches, size, current, Views.Payout);
            }
        }
    }

    /// <summary>The conditional filters of endpoint #12.</summary>
    internal sealed class PayoutFilter
    {
        public string? RequestId { get; set; }

        public string? PayoutId { get; set; }

        public string? PayoutStatus { get; set; }

        public string? PayoutMethod { get; set; }

        public DateTime CreateFrom { get; set; }

        public DateTime CreateTo { get; set; }

        public DateTime? FinishFrom { get; set; }

        public DateTime? FinishTo { get; set; }

        /// <summary>Only payouts created before this (the listDelay fault); null for all.</summary>
        public DateTime? CreatedBefore { get; set; }

        public bool Matches(Payout payout) =>
            (RequestId == null || payout.RequestId == RequestId) &&
            (PayoutId == null || payout.PayoutId == PayoutId) &&
            (PayoutStatus == null || payout.Status == PayoutStatus) &&
            (PayoutMethod == null || PaymentMethods.Canonical(payout.PaymentMethod) == PaymentMethods.Canonical(PayoutMethod)) &&
            payout.CreateTime >= CreateFrom && payout.CreateTime <= CreateTo &&
            (FinishFrom == null || (payout.FinishTime != null && payout.FinishTime >= FinishFrom)) &&
            (FinishTo == null || (payout.FinishTime != null && payout.FinishTime <= FinishTo)) &&
            (CreatedBefore == null || payout.CreateTime < CreatedBefore);
    }
}
