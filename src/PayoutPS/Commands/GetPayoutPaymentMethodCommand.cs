using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>How a corridor can be paid (#1): the payment methods for a country, currency and payee type.</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutPaymentMethod", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutPaymentMethod))]
    public sealed class GetPayoutPaymentMethodCommand : PayoutCmdletBase
    {
        /// <summary>The payee's country (ISO 3166-1 alpha-2).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CountryCode", "DestinationCountry")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string Country { get; set; } = string.Empty;

        /// <summary>The currency the payee receives.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetCurrency", "PayoutCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string Currency { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Individual", "Business")]
        public string PayeeType { get; set; } = "Individual";

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var country = Country.Trim().ToUpperInvariant();
            var currency = Currency.Trim().ToUpperInvariant();
            try
            {
                var methods = Await((log, token) => new AccountApi(context.Client.Transport).GetPaymentMethodsAsync(country, currency, EntityTypes.Code(PayeeType), log, token));
                foreach (var method in methods)
                {
                    WriteObject(new PayoutPaymentMethod(country, currency, PayeeType, method));
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
