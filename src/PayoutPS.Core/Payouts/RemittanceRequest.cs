using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.RegularExpressions;
using PayoutPS.Core.Input;
using PayoutPS.Core.Money;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Payouts
{
    /// <summary>
    /// One payout as the user states it: to an approved payee (v1) or an inline one (v2), optionally on behalf
    /// of a payer. <see cref="ToFields"/> checks it completely before anything is sent, naming the parameter.
    /// </summary>
    public sealed class RemittanceRequest
    {
        public const string PayeePath = "/api/v1/txn/remittance";
        public const string InlinePath = "/api/v2/txn/remittance";

        private static readonly Regex RequestIdShape = new Regex("^[A-Za-z0-9_.:-]{1,32}$", RegexOptions.CultureInvariant);
        private static readonly Regex IdShape = new Regex("^[0-9]{1,19}$", RegexOptions.CultureInvariant);

        public string RequestId { get; set; } = string.Empty;

        /// <summary>An approved (PASS) payee; when set, <see cref="Payee"/> must be null.</summary>
        public string? BeneficiaryId { get; set; }

        public PayeeDetails? Payee { get; set; }

        public string SourceCurrency { get; set; } = string.Empty;

        public string TargetCurrency { get; set; } = string.Empty;

        /// <summary>What leaves the balance, fees included (chargeFlag N).</summary>
        public string? SendAmount { get; set; }

        /// <summary>What must arrive; fees are paid on top (chargeFlag Y).</summary>
        public string? ReceiveAmount { get; set; }

        /// <summary>A purpose name or code 0–5.</summary>
        public string? Purpose { get; set; }

        public string? FeeBearing { get; set; }

        public string? Reference { get; set; }

        public string? PayerId { get; set; }

        public IDictionary<string, object?>? PayerDetail { get; set; }

        public string Path => BeneficiaryId != null ? PayeePath : InlinePath;

        public string ChargeFlag => ReceiveAmount != null ? "Y" : "N";

        public IReadOnlyList<RequestField> ToFields()
        {
            var fields = new List<KeyValuePair<string, object?>>();
            void Add(string name, object? value) => fields.Add(new KeyValuePair<string, object?>(name, value));

            if (!RequestIdShape.IsMatch(RequestId ?? string.Empty))
            {
                Fail("RequestId", $"'{RequestId}' must be 1–32 letters, digits or _ . : - (it is the idempotency key of this payment)");
            }

            Currency("SourceCurrency", SourceCurrency);
            Currency("TargetCurrency", TargetCurrency);
            if ((SendAmount == null) == (ReceiveAmount == null))
            {
                Fail("SendAmount", "give exactly one of -SendAmount (what leaves your balance, fees included) or -ReceiveAmount (what must arrive)");
            }

            var purpose = Purposes.ToCode(Purpose) ?? Fail("Purpose", $"'{Purpose}' is not one of {string.Join(", ", Purposes.Names)} or a code 0–5");
            Add("requestId", RequestId);
            Add("sourceCurrency", SourceCurrency);
            Add("targetCurrency", TargetCurrency);
            Add("chargeFlag", ChargeFlag);
            if (SendAmount != null)
            {
                Add("sourceAmount", AmountIn("SendAmount", SendAmount, SourceCurrency));
            }
            else
            {
                Add("targetAmount", AmountIn("ReceiveAmount", ReceiveAmount!, TargetCurrency));
            }

            Add("transactionPurpose", purpose);
            if (Reference != null && Reference.Length > 256)
            {
                Fail("Reference", $"is {Reference.Length} characters; at most 256 are allowed");
            }

            Add("reference", Reference);
            AddPayer(Add);
            if (BeneficiaryId != null)
            {
                if (Payee != null)
                {
                    Fail("BeneficiaryId", "pay either an approved payee (-BeneficiaryId) or an inline payee, not both");
                }

                Add("beneficiaryId", Id("BeneficiaryId", BeneficiaryId));
                Add("feeBearing", FeeBearing);
            }
            else
            {
                AddPayee(Add);
            }

            return RequestFields.FromPairs(fields);
        }

        private void AddPayer(Action<string, object?> add)
        {
            if (PayerId != null && PayerDetail != null)
            {
                Fail("PayerId", "give -PayerId or -PayerDetail for a payout on behalf of a payer, not both");
            }

            add("payerId", PayerId == null ? null : Id("PayerId", PayerId));
            if (PayerDetail != null && PayerDetail.Count == 0)
            {
                Fail("PayerDetail", "is empty; give the payer's fields (companyName or firstName/lastName, countryCode…), or leave it out");
            }

            add("payerDetail", PayerDetail);
        }

        private void AddPayee(Action<string, object?> add)
        {
            var payee = Payee ?? throw Error("BeneficiaryId", "is missing: give -BeneficiaryId of an approved payee, or the payee inline (name, account, address)");
            var bankCountry = payee.Check();
            var isSwift = payee.PaymentMethod == "SWIFT";
            if (isSwift != (FeeBearing != null))
            {
                Fail("FeeBearing", isSwift ? "is required for SWIFT: SHA (shared) or OUR (you pay all fees)" : "is only for SWIFT payouts; leave it out");
            }

            add("bankCountry", bankCountry);
            add("payoutCurrency", TargetCurrency);
            add("entityType", payee.EntityType);
            add("paymentMethod", payee.PaymentMethod);
            add("receiverInfo", PayeeDetails.Compact(payee.ReceiverInfo));
            add("address", PayeeDetails.Compact(payee.Address));
            add("accountInfomation", PayeeDetails.Compact(payee.Account));
            add("feeBearing", FeeBearing);
        }

        private static void Currency(string parameter, string? code)
        {
            if (Currencies.Problem(code) is string problem)
            {
                Fail(parameter, problem);
            }
        }

        private static string AmountIn(string parameter, string text, string currency) =>
            Amount.Normalize(text, currency, out var problem) ?? Fail(parameter, problem!);

        private static string Id(string parameter, string value) =>
            IdShape.IsMatch(value) ? value : Fail(parameter, $"'{value}' must be the numeric id (up to 19 digits) exactly as the service gave it");

        private static string Fail(string parameter, string problem) => throw Error(parameter, problem);

        private static PayoutRequestException Error(string parameter, string problem) => new PayoutRequestException($"{parameter} {problem}.", parameter);
    }
}
