using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Shared by the cmdlets that take payees as rows (New-Payout, New- and Set-PayoutBeneficiary): the payee
    /// parameters, filled from the command line or from a pipeline row that the cmdlet maps itself (RowMapper),
    /// and the one warning about columns it does not use.
    /// </summary>
    public abstract class PayeeRowCmdletBase : PayoutCmdletBase
    {
        // The forms Get-Command -Syntax shows. Every parameter is also in RowsSet, the default, so binding never
        // refuses a combination: the cmdlet's own checks do, naming the row, the field and the fix, which "Parameter set
        // cannot be resolved" would not (and a piped row's fields never pass through binding at all).
        public const string RowsSet = "Rows";
        public const string IndividualSet = "Individual";
        public const string BusinessSet = "Business";

        private readonly Dictionary<string, object?> _commandLine = new Dictionary<string, object?>(StringComparer.Ordinal);
        private RowMapper? _mapper;

        /// <summary>Individual (default) or Business; the API's 1 and 0 are accepted.</summary>
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("EntityType")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? PayeeType { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [AllowNull, AllowEmptyString] // the cmdlet says what is missing, naming the row
        [RowField]
        public string? FirstName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [AllowNull, AllowEmptyString] // the cmdlet says what is missing, naming the row
        [RowField]
        public string? LastName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [AllowNull, AllowEmptyString] // the cmdlet says what is missing, naming the row
        [RowField]
        public string? CompanyName { get; set; }

        /// <summary>Account number or IBAN.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("CardNumber", "IBAN", "Account")]
        public string? AccountNumber { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? BankName { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("BIC")]
        public string? SwiftCode { get; set; }

        /// <summary>Defaults to Country.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? BankCountry { get; set; }

        /// <summary>BANK_TRANSFER (default), SWIFT, E_WALLET or CASH_PICKUP.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [ValidateSet("BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP", "", IgnoreCase = true)]
        public string? PaymentMethod { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("CountryCode")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? Country { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? State { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? City { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("Address", "Street")]
        public string? AddressLine1 { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        [Alias("Zip")]
        public string? PostalCode { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? Email { get; set; }

        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? Phone { get; set; }

        /// <summary>E-wallet payouts: the wallet brand the corridor names (Get-PayoutRequiredField).</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? WalletType { get; set; }

        /// <summary>E-wallet payouts: the wallet's phone number.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public string? WalletPhone { get; set; }

        /// <summary>Extra payee fields: receiverInfo, address and/or accountInfomation, each a flat hashtable; or the same as JSON text.</summary>
        [Parameter(ParameterSetName = IndividualSet)]
        [Parameter(ParameterSetName = BusinessSet)]
        [Parameter(ParameterSetName = RowsSet)]
        [RowField]
        public object? PayeeDetail { get; set; }

        /// <summary>One payout per pipeline object (a CSV row, a hashtable, any object), its properties named like the parameters or the API's fields.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = RowsSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Columns of your own whose names are close to a payout field (say Notes); they are neither read nor reported.</summary>
        [Parameter]
        public string[]? IgnoreColumn { get; set; }

        /// <summary>The [RowField] values given on the command line; they apply to every row.</summary>
        protected IReadOnlyDictionary<string, object?> CommandLine => _commandLine;

        /// <summary>Maps the current pipeline row; set up in BeginProcessing.</summary>
        private protected RowMapper Mapper => _mapper ?? throw new InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing()
        {
            _mapper = new RowMapper(GetType(), IgnoreColumn);
            foreach (var parameter in MyInvocation.BoundParameters)
            {
                if (_mapper.IsField(parameter.Key))
                {
                    _commandLine[parameter.Key] = parameter.Value is PSObject wrapped ? wrapped.BaseObject : parameter.Value;
                }
            }
        }

        /// <summary>The current payout's values: the pipeline row mapped over the command line's, or the command line's alone.</summary>
        protected Dictionary<string, object?> ReadRow()
        {
            if (InputObject == null)
            {
                return new Dictionary<string, object?>(_commandLine);
            }

            var unknown = new List<string>();
            var values = Mapper.Map(InputObject, _commandLine, unknown);
            var fresh = unknown.Count == 0 ? unknown : Mapper.TakeNewUnknownColumns(unknown);
            if (fresh.Count > 0)
            {
                WriteWarning($"{MyInvocation.MyCommand.Name} does not use the column(s) {string.Join(", ", fresh)}; they are ignored. " +
                             "If one was meant as a parameter, rename it to the parameter's name.");
            }

            return values;
        }
    }
}
