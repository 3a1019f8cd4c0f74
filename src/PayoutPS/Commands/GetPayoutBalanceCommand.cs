using System;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>The merchant's balances (#3): one object per currency, amounts as decimals.</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutBalance")]
    [OutputType(typeof(PayoutBalance))]
    public sealed class GetPayoutBalanceCommand : PayoutCmdletBase
    {
        /// <summary>Only these currencies (ISO 4217 codes).</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string[]? Currency { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            try
            {
                var balances = Await((log, token) => new AccountApi(context.Client.Transport).GetBalancesAsync(log, token));
                foreach (var balance in balances.Where(b => Currency == null || Currency.Contains(b.Currency, StringComparer.OrdinalIgnoreCase)))
                {
                    WriteObject(balance);
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
