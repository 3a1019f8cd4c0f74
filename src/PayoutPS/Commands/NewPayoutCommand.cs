using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Redaction;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Sends one payout per input: to an approved payee, or to an individual or business given inline,
    /// optionally on behalf of a payer. Exactly once per RequestId, whatever fails on the way.
    /// Every parameter binds from CSV columns, under its own name or the API's field name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Payout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PayoutResult))]
    public sealed class NewPayoutCommand : PayoutCmdletBase
    {
        private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        private int _generatedIds;
        private int _sent;
        private int _refused;
        private bool _progressShown;

        /// <summary>The idempotency key (≤ 32 characters); a new one is generated when absent.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PaymentId")]
        public string? RequestId { get; set; }

        /// <summary>An approved (PASS) payee's id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PayeeId")]
        public string? BeneficiaryId { get; set; }

        /// <summary>What leaves your balance, fees included (chargeFlag N).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SourceAmount")]
        [AmountTransformation]
        public string? SendAmount { get; set; }

        /// <summary>What must arrive in full; fees are paid on top (chargeFlag Y).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TargetAmount")]
        [AmountTransformation]
        public string? ReceiveAmount { get; set; }

        /// <summary>With -ChargeFlag: the API's own way to say which amount this is.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public string? Amount { get; set; }

        /// <summary>N: -Amount is what leaves the balance; Y: -Amount is what arrives.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ChargeFlag { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FromCurrency")]
        public string? SourceCurrency { get; set; }

        /// <summary>Defaults to SourceCurrency.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ToCurrency", "Currency", "PayoutCurrency")]
        public string? TargetCurrency { get; set; }

        /// <summary>OwnAccount, PersonalRemittance, LoanRepayment, TechnicalServices, ShippingFee, BusinessServices, or 0–5.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TransactionPurpose")]
        [ArgumentCompleter(typeof(PurposeCompleter))]
        public string? Purpose { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Reference { get; set; }

        /// <summary>SWIFT only: SHA (shared fees) or OUR (you pay all fees).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FeeBearing { get; set; }

        /// <summary>Pay on behalf of an existing payer.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PayerId { get; set; }

        /// <summary>Pay on behalf of a payer given inline (companyName or firstName/lastName, address…).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? PayerDetail { get; set; }

        /// <summary>Individual (default) or Business; the API's 1 and 0 are accepted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("EntityType")]
        public string? PayeeType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CompanyName { get; set; }

        /// <summary>Account number or IBAN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CardNumber", "IBAN", "Account")]
        public string? AccountNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? BankName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("BIC")]
        public string? SwiftCode { get; set; }

        /// <summary>Defaults to Country.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? BankCountry { get; set; }

        /// <summary>BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP", "", IgnoreCase = true)]
        public string? PaymentMethod { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CountryCode")]
        public string? Country { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? State { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? City { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Address", "Street")]
        public string? AddressLine1 { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Zip")]
        public string? PostalCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Phone { get; set; }

        /// <summary>Extra payee fields: a hashtable with receiverInfo, address and/or accountInfomation hashtables.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? PayeeDetail { get; set; }

        /// <summary>Send without a confirmation prompt (for scheduled tasks).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            RemittanceRequest remittance;
            IReadOnlyList<Core.Signing.RequestField> fields;
            try
            {
                remittance = BuildRequest();
                fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
            }
            catch (PayoutRequestException ex)
            {
                _refused++;
                WriteError(ErrorRecords.From(ex, RowTarget()));
                return;
            }

            ReportProgress(remittance.RequestId);
            var payee = DescribePayee(remittance);
            var target = $"{remittance.AmountText} to {payee} (requestId {remittance.RequestId}) at {context.Environment}";
            if (!Approve(Force, target, "Send payout"))
            {
                WriteObject(PayoutResult.WhatIf(remittance, context, payee));
                return;
            }

            try
            {
                var record = Await((log, token) => context.Client.CreatePayoutAsync(remittance, fields, log, token));
                if (record.Outcome != PayoutOutcome.Created)
                {
                    WriteVerbose($"requestId {remittance.RequestId} already existed as payout {record.PayoutId} ({record.Outcome}); nothing was paid again.");
                }

                _sent++;
                WriteObject(PayoutResult.From(record, context, payee));
            }
            catch (PayoutApiException ex)
            {
                _refused++;
                WriteError(ErrorRecords.From(ex, remittance.RequestId));
            }
        }

        /// <summary>A batch shows how far it is, at most four times a second.</summary>
        private void ReportProgress(string requestId)
        {
            if (_sinceProgress.ElapsedMilliseconds < 250)
            {
                return;
            }

            _sinceProgress.Restart();
            _progressShown = true;
            WriteProgress(new ProgressRecord(1, "Sending payouts", $"{_sent} sent, {_refused} refused") { CurrentOperation = "requestId " + requestId });
        }

        protected override void EndProcessing()
        {
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(1, "Sending payouts", "Done") { RecordType = ProgressRecordType.Completed });
            }

            if (_generatedIds > 0)
            {
                WriteWarning($"{_generatedIds} payout(s) had no RequestId, so one was generated (see RequestId in the output). " +
                             "Keep those ids: sending the same payout again without its RequestId would pay it again.");
            }
        }

        private string GenerateRequestId()
        {
            _generatedIds++;
            return Guid.NewGuid().ToString("N");
        }

        private RemittanceRequest BuildRequest()
        {
            var (send, receive) = Amounts();
            var source = Upper(SourceCurrency);
            var request = new RemittanceRequest
            {
                RequestId = Blank(RequestId) ?? GenerateRequestId(),
                BeneficiaryId = Blank(BeneficiaryId),
                SourceCurrency = source ?? string.Empty,
                TargetCurrency = Upper(TargetCurrency) ?? source ?? string.Empty,
                SendAmount = send,
                ReceiveAmount = receive,
                Purpose = Blank(Purpose),
                Reference = Blank(Reference),
                FeeBearing = Upper(FeeBearing),
                PayerId = Blank(PayerId),
                PayerDetail = PayerDetail == null ? null : PlainDictionary(PayerDetail),
            };
            if (request.BeneficiaryId == null)
            {
                request.Payee = BuildPayee();
            }

            return request;
        }

        private (string? Send, string? Receive) Amounts()
        {
            var send = Blank(SendAmount);
            var receive = Blank(ReceiveAmount);
            var amount = Blank(Amount);
            var flag = Upper(ChargeFlag);
            if (flag != null && flag != "N" && flag != "Y")
            {
                throw new PayoutRequestException($"ChargeFlag '{ChargeFlag}' must be N (the amount leaves your balance) or Y (the amount arrives).", "ChargeFlag");
            }

            if (amount != null)
            {
                if (flag == null)
                {
                    throw new PayoutRequestException("Amount needs -ChargeFlag N or Y; or use -SendAmount (what leaves your balance) or -ReceiveAmount (what arrives).", "ChargeFlag");
                }

                return flag == "Y" ? (send, receive ?? amount) : (send ?? amount, receive);
            }

            if ((flag == "Y" && send != null && receive == null) || (flag == "N" && receive != null && send == null))
            {
                throw new PayoutRequestException(
                    $"ChargeFlag {flag} contradicts the amount given: N goes with SendAmount/sourceAmount, Y with ReceiveAmount/targetAmount.", "ChargeFlag");
            }

            return (send, receive);
        }

        private PayeeDetails BuildPayee()
        {
            var type = (Blank(PayeeType) ?? "Individual").Trim();
            var payee = new PayeeDetails
            {
                EntityType = type.Equals("Business", StringComparison.OrdinalIgnoreCase) || type == "0" ? "0"
                    : type.Equals("Individual", StringComparison.OrdinalIgnoreCase) || type == "1" ? "1" : type,
                PaymentMethod = Upper(PaymentMethod) ?? "BANK_TRANSFER",
                BankCountry = Upper(BankCountry),
            };
            Put(payee.ReceiverInfo, "firstName", FirstName);
            Put(payee.ReceiverInfo, "lastName", LastName);
            Put(payee.ReceiverInfo, "companyName", CompanyName);
            Put(payee.ReceiverInfo, "email", Email);
            Put(payee.ReceiverInfo, "phone", Phone);
            Put(payee.Address, "countryCode", Upper(Country));
            Put(payee.Address, "state", State);
            Put(payee.Address, "city", City);
            Put(payee.Address, "addressLine1", AddressLine1);
            Put(payee.Address, "postalCode", PostalCode);
            Put(payee.Account, "cardNumber", AccountNumber?.Replace(" ", string.Empty));
            Put(payee.Account, "bankName", BankName);
            Put(payee.Account, "swiftCode", Upper(SwiftCode));
            if (PayeeDetail != null)
            {
                Merge(payee.ReceiverInfo, PayeeDetail["receiverInfo"]);
                Merge(payee.Address, PayeeDetail["address"]);
                Merge(payee.Account, PayeeDetail["accountInfomation"] ?? PayeeDetail["accountInformation"]);
            }

            return payee;
        }

        private static string DescribePayee(RemittanceRequest request) => request.Payee == null
            ? $"payee {request.BeneficiaryId}"
            : $"{request.Payee.DisplayName} {Redactor.MaskAccount(request.Payee.AccountNumber)}";

        // The RequestId names the row; the bound parameters would carry the full account number into error logs.
        private object RowTarget() => (object?)Blank(RequestId) ?? "(row without RequestId)";

        private static void Put(IDictionary<string, string?> values, string name, string? value)
        {
            var text = Blank(value);
            if (text != null)
            {
                values[name] = text;
            }
        }

        private static void Merge(IDictionary<string, string?> values, object? extra)
        {
            if (extra is PSObject wrapped)
            {
                extra = wrapped.BaseObject;
            }

            if (extra is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    Put(values, entry.Key.ToString()!, entry.Value?.ToString());
                }
            }
        }

        private static Dictionary<string, object?> PlainDictionary(IDictionary dictionary)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in dictionary)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                result[entry.Key.ToString()!] = value is string || value == null ? value : value.ToString();
            }

            return result;
        }

        /// <summary>CSV cells that are empty mean "not given".</summary>
        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static string? Upper(string? value) => Blank(value)?.ToUpperInvariant();
    }
}
