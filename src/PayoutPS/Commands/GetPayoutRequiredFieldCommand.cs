using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// The payee fields a corridor needs (#2), each with the New-Payout / New-PayoutBeneficiary parameter that
    /// fills it, so a file can be checked against the corridor before paying.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayoutRequiredField", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutRequiredField))]
    public sealed class GetPayoutRequiredFieldCommand : PayoutCmdletBase
    {
        /// <summary>The bank's country (ISO 3166-1 alpha-2).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BankCountry", "CountryCode")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string Country { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetCurrency", "PayoutCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string Currency { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP", IgnoreCase = true)]
        public string PaymentMethod { get; set; } = "BANK_TRANSFER";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Individual", "Business")]
        public string PayeeType { get; set; } = "Individual";

        /// <summary>For e-wallets: the wallet brand, when the corridor asks for one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? WalletType { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var country = Country.Trim().ToUpperInvariant();
            var currency = Currency.Trim().ToUpperInvariant();
            var method = PaymentMethod.ToUpperInvariant();
            try
            {
                var fields = Await((log, token) => new AccountApi(context.Client.Transport)
                    .GetRequiredFieldsAsync(currency, country, EntityTypes.Code(PayeeType), method, WalletType, log, token));
                foreach (var field in fields)
                {
                    WriteObject(new PayoutRequiredField(country, currency, method, PayeeType, field.Key, field.Value));
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
