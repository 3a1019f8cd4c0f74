using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Shared by New- and Set-PayoutBeneficiary: the payee parameters (filled from the command line or a
    /// pipeline row, mapped like New-Payout's), row-named errors, and -Wait for the review to end.
    /// </summary>
    public abstract class BeneficiaryCmdletBase : PayoutCmdletBase
    {
        private readonly Dictionary<string, object?> _commandLine = new Dictionary<string, object?>(StringComparer.Ordinal);
        private HashSet<string>? _rowFields;
        private RowMapper? _mapper;
        private int _rows;

        [Parameter] [RowField] [Alias("EntityType")] [ArgumentCompleter(typeof(ValueCompleter))] public string? PayeeType { get; set; }

        [Parameter] [RowField] public string? FirstName { get; set; }

        [Parameter] [RowField] public string? LastName { get; set; }

        [Parameter] [RowField] public string? CompanyName { get; set; }

        [Parameter] [RowField] [Alias("CardNumber", "IBAN", "Account")] public string? AccountNumber { get; set; }

        [Parameter] [RowField] public string? BankName { get; set; }

        [Parameter] [RowField] [Alias("BIC")] public string? SwiftCode { get; set; }

        [Parameter] [RowField] [ArgumentCompleter(typeof(ValueCompleter))] public string? BankCountry { get; set; }

        [Parameter] [RowField]
        [ValidateSet("BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP", "", IgnoreCase = true)]
        public string? PaymentMethod { get; set; }

        [Parameter] [RowField] [Alias("CountryCode")] [ArgumentCompleter(typeof(ValueCompleter))] public string? Country { get; set; }

        [Parameter] [RowField] public string? State { get; set; }

        [Parameter] [RowField] public string? City { get; set; }

        [Parameter] [RowField] [Alias("Address", "Street")] public string? AddressLine1 { get; set; }

        [Parameter] [RowField] [Alias("Zip")] public string? PostalCode { get; set; }

        [Parameter] [RowField] public string? Email { get; set; }

        [Parameter] [RowField] public string? Phone { get; set; }

        [Parameter] [RowField] public string? WalletType { get; set; }

        [Parameter] [RowField] public string? WalletPhone { get; set; }

        /// <summary>More payee fields: receiverInfo, address and/or accountInfomation, each flat; a hashtable or JSON text.</summary>
        [Parameter] [RowField] public object? PayeeDetail { get; set; }

        /// <summary>One payee per pipeline object (a CSV row, a hashtable, any object).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Columns of your own whose names are close to a parameter.</summary>
        [Parameter]
        public string[]? IgnoreColumn { get; set; }

        /// <summary>Wait until the service's review ends (PASS, REJECT, FAIL…).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        protected override void BeginProcessing()
        {
            _mapper = new RowMapper(GetType(), IgnoreColumn);
            _rowFields = new HashSet<string>(GetType().GetProperties().Where(p => p.GetCustomAttribute<RowFieldAttribute>() != null).Select(p => p.Name), StringComparer.Ordinal);
            foreach (var parameter in MyInvocation.BoundParameters)
            {
                if (_rowFields.Contains(parameter.Key))
                {
                    _commandLine[parameter.Key] = parameter.Value is PSObject wrapped ? wrapped.BaseObject : parameter.Value;
                }
            }
        }

        protected override void ProcessRecord()
        {
            var row = InputObject == null ? 0 : ++_rows;
            var label = row == 0 ? "The payee" : $"Row {row} (CSV line {row + 1})";
            try
            {
                var unknown = new List<string>();
                var values = InputObject == null ? new Dictionary<string, object?>(_commandLine) : _mapper!.Map(InputObject, _commandLine, unknown);
                var fresh = _mapper!.TakeNewUnknownColumns(unknown);
                if (fresh.Count > 0)
                {
                    WriteWarning($"{MyInvocation.MyCommand.Name} does not use the column(s) {string.Join(", ", fresh)}; they are ignored.");
                }

                ProcessRow(values, label);
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is PayoutApiException)
            {
                WriteError(ErrorRecords.ForRow(ex, label, "(payee " + (row == 0 ? "from the command line" : "row " + row) + ")"));
            }
        }

        /// <summary>Checks and sends one payee.</summary>
        protected abstract void ProcessRow(Dictionary<string, object?> values, string label);

        /// <summary>The payee a row describes and the currency it is paid in, as the API's fields for #6/#7, checked completely.</summary>
        protected static (PayeeDetails Payee, string Currency, IReadOnlyList<Core.Signing.RequestField> Fields) ReadPayee(Dictionary<string, object?> values, string? beneficiaryId = null)
        {
            var payee = Core.Input.PayoutInput.ToPayee(values);
            var currency = (values.TryGetValue("PayoutCurrency", out var given) ? given as string : null)?.Trim().ToUpperInvariant() ?? string.Empty;
            return (payee, currency, PayeeApi.Fields(payee, currency, beneficiaryId));
        }

        /// <summary>Writes the payee, first following its review with -Wait.</summary>
        protected void Emit(PayoutContext context, Beneficiary payee)
        {
            var api = new PayeeApi(context.Client.Transport);
            var watch = Stopwatch.StartNew();
            var pause = TimeSpan.FromSeconds(0.5);
            while (Wait && BeneficiaryStatus.IsUnderReview(payee.Status) && watch.Elapsed.TotalSeconds < TimeoutSec)
            {
                WriteVerbose($"Payee {payee.BeneficiaryId} is {payee.Status}; checking again in {pause.TotalSeconds:0.#} s.");
                Sleep(pause);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 1.5, 30));
                var id = payee.BeneficiaryId!;
                payee = Await((log, token) => api.GetAsync(id, log, token));
            }

            if (Wait && BeneficiaryStatus.IsUnderReview(payee.Status))
            {
                WriteError(new ErrorRecord(new TimeoutException($"Payee {payee.BeneficiaryId} is still {payee.Status} after {TimeoutSec} s; run Get-PayoutBeneficiary -BeneficiaryId {payee.BeneficiaryId} later."),
                    ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, payee.BeneficiaryId));
            }

            WriteObject(payee);
        }
    }

    /// <summary>Payee statuses (spec §3.2) that may still change by themselves.</summary>
    internal static class BeneficiaryStatus
    {
        public static bool IsUnderReview(string? status) => status == "WAITING" || status == "PROCESS" || status == "PENDING_UPDATE";
    }
}
