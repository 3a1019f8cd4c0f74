using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Money;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>The exchange rate between two currencies (#5); with -SourceAmount, what that amount becomes.</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutExchangeRate", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutExchangeRate))]
    public sealed class GetPayoutExchangeRateCommand : PayoutCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string SourceCurrency { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string TargetCurrency { get; set; } = string.Empty;

        /// <summary>Quote this amount of the source currency.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public string? SourceAmount { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var source = SourceCurrency.Trim().ToUpperInvariant();
            var target = TargetCurrency.Trim().ToUpperInvariant();
            try
            {
                string? amount = null;
                if (!Currencies.IsCode(source) || !Currencies.IsCode(target))
                {
                    throw new PayoutRequestException($"SourceCurrency and TargetCurrency must be ISO 4217 codes such as USD and EUR, not '{SourceCurrency}' and '{TargetCurrency}'.", "SourceCurrency");
                }

                if (SourceAmount != null)
                {
                    amount = Amount.Normalize(SourceAmount, source, out var problem) ?? throw new PayoutRequestException($"SourceAmount {problem}.", "SourceAmount");
                }

                WriteObject(Await((log, token) => new AccountApi(context.Client.Transport).GetExchangeRateAsync(source, target, amount, log, token)));
            }
            catch (System.Exception ex) when (ex is PayoutRequestException || ex is PayoutApiException)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
