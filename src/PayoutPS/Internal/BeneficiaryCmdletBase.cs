using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Shared by New- and Set-PayoutBeneficiary: rows of payees (the parameters and the mapping come from
    /// PayeeRowCmdletBase, as for New-Payout), row-named errors, and -Wait for the review to end.
    /// </summary>
    public abstract class BeneficiaryCmdletBase : PayeeRowCmdletBase
    {
        private int _rows;

        /// <summary>The currency the payee is paid in.</summary>
        [Parameter]
        [RowField]
        [Alias("Currency", "TargetCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? PayoutCurrency { get; set; }

        /// <summary>Add or change without a confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait until the service's review ends (PASS, REJECT, FAIL…).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        protected override void ProcessRecord()
        {
            var row = InputObject == null ? 0 : ++_rows;
            var label = row == 0 ? "The payee" : $"Row {row}";
            try
            {
                ProcessRow(ReadRow(), label);
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
