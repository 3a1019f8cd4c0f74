using System;
using System.Management.Automation;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>New-Payout's parameters: the row's fields ([RowField], also filled from a pipeline row by name or alias), then how the batch runs.</summary>
    public sealed partial class NewPayoutCommand
    {
        // Two forms of its own beside the payee forms (see PayeeRowCmdletBase): an approved payee, and a file.
        public const string PayeeSet = "Payee";
        public const string FileSet = "File";

        /// <summary>The idempotency key (≤ 32 characters); a new one is generated when absent.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = PayeeSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("PaymentId")]
        public string? RequestId { get; set; }

        /// <summary>An approved (PASS) payee's id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PayeeSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [AllowNull, AllowEmptyString] // the cmdlet says what is missing, naming the row
        [RowField]
        [Alias("PayeeId")]
        [ArgumentCompleter(typeof(BeneficiaryIdCompleter))]
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
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? ChargeFlag { get; set; }

        [Parameter]
        [RowField]
        [Alias("FromCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? SourceCurrency { get; set; }

        /// <summary>Defaults to SourceCurrency.</summary>
        [Parameter]
        [RowField]
        [Alias("ToCurrency", "Currency", "PayoutCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
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
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? FeeBearing { get; set; }

        /// <summary>Pay on behalf of an existing payer.</summary>
        [Parameter]
        [RowField]
        public string? PayerId { get; set; }

        /// <summary>Pay on behalf of a payer given inline (companyName or firstName/lastName, countryCode…): a hashtable or JSON text.</summary>
        [Parameter]
        [RowField]
        public object? PayerDetail { get; set; }

        /// <summary>A CSV file to pay, read by the module itself: its name and hash go into the journal's header, and progress shows an ETA.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [AllowNull, AllowEmptyString] // the cmdlet says what is missing, naming the row
        public string? Path { get; set; }

        /// <summary>With -Path: the file's encoding, such as utf-8 (default, checked strictly) or 1252 for a Windows Excel export.</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        public string? Encoding { get; set; }

        /// <summary>With -Path: the column separator; ';' for a German Excel export.</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        public char Delimiter { get; set; } = ',';

        /// <summary>The batch journal: rows are recorded before they are sent, and a rerun with the same file resumes.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(JournalCompleter))]
        public string? Journal { get; set; }

        /// <summary>The pay run's name (payroll-2026-11): RequestIds are derived from it and the merchant, so every journal and machine pays a row once.</summary>
        [Parameter]
        public string? BatchId { get; set; }

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, Core.Transport.PayoutTransport.MaxConcurrentRequests)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Without -Journal: give rows without a RequestId a random one (a rerun would pay them again).</summary>
        [Parameter]
        public SwitchParameter GenerateRequestId { get; set; }

        /// <summary>Check every row by the same rules as sending; send nothing, connect to nothing.</summary>
        [Parameter]
        public SwitchParameter ValidateOnly { get; set; }

        /// <summary>Also check each inline payee against what its corridor needs, as the service lists it (needs a connection, also with -ValidateOnly).</summary>
        [Parameter]
        public SwitchParameter CheckCorridor { get; set; }

        /// <summary>The name of a variable that receives the run's summary (counts, totals, rows in doubt, ExitCode).</summary>
        [Parameter]
        public string? SummaryVariable { get; set; }

        /// <summary>Send rows even when they look like payouts already made (the duplicate guard holds them otherwise).</summary>
        [Parameter]
        public SwitchParameter AllowDuplicate { get; set; }

        /// <summary>How far back the duplicate guard searches the service's payouts (default 72 hours); given, rows with their own RequestId are guarded too.</summary>
        [Parameter]
        public TimeSpan? DuplicateWindow { get; set; }

        /// <summary>Send without a confirmation prompt (for scheduled tasks).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>With -Path: pay only when at least this many distinct trusted approvers (-Approver) approved exactly this file (Approve-PayoutBatch).</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [ValidateRange(1, 10)]
        public int RequireApproval { get; set; }

        /// <summary>With -RequireApproval: the trusted approvers, as a folder of their .cer files, .cer files, or thumbprints in the certificate store.</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        public string[]? Approver { get; set; }

        /// <summary>With -Path, start without checking that each currency's balance covers the file.</summary>
        [Parameter(ParameterSetName = FileSet)]
        [Parameter(ParameterSetName = RowsSet)]
        public SwitchParameter SkipBalanceCheck { get; set; }
    }
}
