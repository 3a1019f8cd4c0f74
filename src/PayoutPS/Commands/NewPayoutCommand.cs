using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PayoutPS.Core;
using PayoutPS.Core.Api;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Redaction;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Sends one payout per input: to an approved payee, or to an individual or business given inline,
    /// optionally on behalf of a payer. Exactly once per RequestId, whatever fails on the way.
    /// A pipeline row fills the [RowField] parameters by name or alias (the API's field names among them); the
    /// cmdlet maps rows itself, so a misspelled column or an unreadable value is reported with its row named.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Payout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PayoutResult))]
    public sealed class NewPayoutCommand : PayoutCmdletBase
    {
        private static readonly HashSet<string> RowFields = new HashSet<string>(
            typeof(NewPayoutCommand).GetProperties().Where(p => p.GetCustomAttribute<RowFieldAttribute>() != null).Select(p => p.Name), StringComparer.Ordinal);

        private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        private readonly Dictionary<string, object?> _commandLine = new Dictionary<string, object?>(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Fingerprint, int? Row)> _seen = new Dictionary<string, (string, int?)>(StringComparer.Ordinal);
        private RowMapper? _mapper;
        private volatile string? _inFlight;
        private int _rows;
        private int _generatedIds;
        private int _sent;
        private int _refused;
        private bool _progressShown;

        /// <summary>The idempotency key (≤ 32 characters); a new one is generated when absent.</summary>
        [Parameter]
        [RowField]
        [Alias("PaymentId")]
        public string? RequestId { get; set; }

        /// <summary>An approved (PASS) payee's id.</summary>
        [Parameter]
        [RowField]
        [Alias("PayeeId")]
        public string? BeneficiaryId { get; set; }

        /// <summary>What leaves your balance, fees included (chargeFlag N).</summary>
        [Parameter]
        [RowField]
        [Alias("SourceAmount")]
        [AmountTransformation]
        public string? SendAmount { get; set; }

        /// <summary>What must arrive in full; fees are paid on top (chargeFlag Y).</summary>
        [Parameter]
        [RowField]
        [Alias("TargetAmount")]
        [AmountTransformation]
        public string? ReceiveAmount { get; set; }

        /// <summary>With -ChargeFlag: the API's own way to say which amount this is.</summary>
        [Parameter]
        [RowField]
        [AmountTransformation]
        public string? Amount { get; set; }

        /// <summary>N: -Amount is what leaves the balance; Y: -Amount is what arrives.</summary>
        [Parameter]
        [RowField]
        public string? ChargeFlag { get; set; }

        [Parameter]
        [RowField]
        [Alias("FromCurrency")]
        public string? SourceCurrency { get; set; }

        /// <summary>Defaults to SourceCurrency.</summary>
        [Parameter]
        [RowField]
        [Alias("ToCurrency", "Currency", "PayoutCurrency")]
        public string? TargetCurrency { get; set; }

        /// <summary>OwnAccount, PersonalRemittance, LoanRepayment, TechnicalServices, ShippingFee, BusinessServices, or 0–5.</summary>
        [Parameter]
        [RowField]
        [Alias("TransactionPurpose")]
        [ArgumentCompleter(typeof(PurposeCompleter))]
        public string? Purpose { get; set; }

        [Parameter]
        [RowField]
        public string? Reference { get; set; }

        /// <summary>SWIFT only: SHA (shared fees) or OUR (you pay all fees).</summary>
        [Parameter]
        [RowField]
        public string? FeeBearing { get; set; }

        /// <summary>Pay on behalf of an existing payer.</summary>
        [Parameter]
        [RowField]
        public string? PayerId { get; set; }

        /// <summary>Pay on behalf of a payer given inline (companyName or firstName/lastName, countryCode…): a hashtable or JSON text.</summary>
        [Parameter]
        [RowField]
        public object? PayerDetail { get; set; }

        /// <summary>Individual (default) or Business; the API's 1 and 0 are accepted.</summary>
        [Parameter]
        [RowField]
        [Alias("EntityType")]
        public string? PayeeType { get; set; }

        [Parameter]
        [RowField]
        public string? FirstName { get; set; }

        [Parameter]
        [RowField]
        public string? LastName { get; set; }

        [Parameter]
        [RowField]
        public string? CompanyName { get; set; }

        /// <summary>Account number or IBAN.</summary>
        [Parameter]
        [RowField]
        [Alias("CardNumber", "IBAN", "Account")]
        public string? AccountNumber { get; set; }

        [Parameter]
        [RowField]
        public string? BankName { get; set; }

        [Parameter]
        [RowField]
        [Alias("BIC")]
        public string? SwiftCode { get; set; }

        /// <summary>Defaults to Country.</summary>
        [Parameter]
        [RowField]
        public string? BankCountry { get; set; }

        /// <summary>BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.</summary>
        [Parameter]
        [RowField]
        [ValidateSet("BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP", "", IgnoreCase = true)]
        public string? PaymentMethod { get; set; }

        [Parameter]
        [RowField]
        [Alias("CountryCode")]
        public string? Country { get; set; }

        [Parameter]
        [RowField]
        public string? State { get; set; }

        [Parameter]
        [RowField]
        public string? City { get; set; }

        [Parameter]
        [RowField]
        [Alias("Address", "Street")]
        public string? AddressLine1 { get; set; }

        [Parameter]
        [RowField]
        [Alias("Zip")]
        public string? PostalCode { get; set; }

        [Parameter]
        [RowField]
        public string? Email { get; set; }

        [Parameter]
        [RowField]
        public string? Phone { get; set; }

        /// <summary>Extra payee fields: receiverInfo, address and/or accountInfomation, each a flat hashtable; or the same as JSON text.</summary>
        [Parameter]
        [RowField]
        public object? PayeeDetail { get; set; }

        /// <summary>One payout per pipeline object (a CSV row, a hashtable, any object), its properties named like the parameters or the API's fields.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Columns of your own whose names are close to a payout field (say Notes); they are neither read nor reported.</summary>
        [Parameter]
        public string[]? IgnoreColumn { get; set; }

        /// <summary>Send without a confirmation prompt (for scheduled tasks).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _mapper = new RowMapper(typeof(NewPayoutCommand), IgnoreColumn);
            foreach (var parameter in MyInvocation.BoundParameters)
            {
                if (RowFields.Contains(parameter.Key))
                {
                    _commandLine[parameter.Key] = parameter.Value is PSObject wrapped ? wrapped.BaseObject : parameter.Value;
                }
            }
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var row = InputObject == null ? (int?)null : ++_rows;
            if (!TryBuild(row, out var remittance, out var fields, out var label))
            {
                return;
            }

            ReportProgress(remittance!.RequestId);
            var payee = DescribePayee(remittance);
            var target = $"{remittance.AmountText} to {payee} (requestId {remittance.RequestId}) at {context.Environment}";
            if (!Approve(Force, target, "Send payout"))
            {
                WriteObject(PayoutResult.WhatIf(remittance, fields!, context, payee));
                return;
            }

            try
            {
                _inFlight = remittance.RequestId;
                var record = Await((log, token) => context.Client.CreatePayoutAsync(remittance, fields!, log, token));
                _inFlight = null;
                if (record.Outcome != PayoutOutcome.Created)
                {
                    WriteVerbose($"requestId {remittance.RequestId} already existed as payout {record.PayoutId} ({record.Outcome}); nothing was paid again.");
                }

                _sent++;
                WriteObject(PayoutResult.From(record, context, payee));
            }
            catch (PayoutApiException ex)
            {
                _inFlight = null;
                _refused++;
                WriteError(ErrorRecords.ForRow(ex, label, remittance.RequestId));
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            var inFlight = _inFlight;
            if (inFlight != null)
            {
                // The pipeline is stopping, so the warning stream is closed: tell the host directly.
                Host.UI.WriteWarningLine($"Stopped while requestId {inFlight} was in flight: it is in doubt (it may have been paid). " +
                                         $"Check it with Get-PayoutStatus -RequestId {inFlight}, or send it again with the same RequestId, which can never pay twice.");
            }
        }

        /// <summary>Maps and checks one row completely; on failure writes its error (naming the row) and returns false.</summary>
        private bool TryBuild(int? row, out RemittanceRequest? remittance, out IReadOnlyList<Core.Signing.RequestField>? fields, out string label)
        {
            remittance = null;
            fields = null;
            label = RowLabel(row, InputObject != null ? _mapper!.RequestIdOf(InputObject) : _commandLine.TryGetValue("RequestId", out var id) ? Blank(id as string) : null);
            try
            {
                var unknown = new List<string>();
                var values = InputObject == null ? new Dictionary<string, object?>(_commandLine) : _mapper!.Map(InputObject, _commandLine, unknown);
                WarnUnknownColumns(unknown);
                if (!values.ContainsKey("RequestId"))
                {
                    values["RequestId"] = GenerateRequestId();
                }

                remittance = PayoutInput.ToRemittance(values);
                fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
                label = RowLabel(row, remittance.RequestId);
                var fingerprint = RequestFingerprint.Of(fields);
                if (_seen.TryGetValue(remittance.RequestId, out var earlier) && earlier.Fingerprint != fingerprint)
                {
                    _refused++;
                    var reused = new PayoutRequestException(
                        $"RequestId {remittance.RequestId} was already used in this run ({(earlier.Row == null ? "an earlier payout" : $"row {earlier.Row}, CSV line {earlier.Row + 1}")}) for a different payout; nothing was sent for this row. Give each payout its own RequestId.",
                        "RequestId");
                    WriteError(ErrorRecords.ForRow(reused, label, remittance.RequestId, ErrorIds.RequestIdReused));
                    return false;
                }

                _seen[remittance.RequestId] = (fingerprint, row);
                return true;
            }
            catch (PayoutRequestException ex)
            {
                _refused++;
                WriteError(ErrorRecords.ForRow(ex, label, remittance?.RequestId ?? "(row " + row + ")"));
                return false;
            }
        }

        private void WarnUnknownColumns(List<string> unknown)
        {
            if (unknown.Count == 0)
            {
                return;
            }

            var fresh = _mapper!.TakeNewUnknownColumns(unknown);
            if (fresh.Count > 0)
            {
                WriteWarning($"New-Payout does not use the column(s) {string.Join(", ", fresh)}; they are ignored. " +
                             "If one was meant as a payout field, rename it to the parameter's name.");
            }
        }

        /// <summary>"row 3 (CSV line 4), RequestId INV-3": in the message, since the default error view hides TargetObject.</summary>
        private static string RowLabel(int? row, string? requestId)
        {
            var id = requestId == null ? "no RequestId" : "RequestId " + requestId;
            return row == null ? id : $"Row {row} (CSV line {row + 1}), {id}";
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

        private static string DescribePayee(RemittanceRequest request) => request.Payee == null
            ? $"payee {request.BeneficiaryId}"
            : $"{request.Payee.DisplayName} {Redactor.MaskAccount(request.Payee.AccountNumber)}";

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
