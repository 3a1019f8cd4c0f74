using System;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Money;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>The merchant's balances (#3): one object per currency, amounts as decimals.</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutBalance", HelpUri = Links.Readme)]
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

                // A currency asked for and not shown says why: not a currency code (EURO), or no balance held in it.
                foreach (var code in Currency ?? Array.Empty<string>())
                {
                    if (Currencies.Problem(code.Trim().ToUpperInvariant()) is string problem)
                    {
                        WriteError(new ErrorRecord(new ArgumentException($"-Currency {problem}."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, code));
                    }
                    else if (!balances.Any(b => string.Equals(b.Currency, code.Trim(), StringComparison.OrdinalIgnoreCase)))
                    {
                        WriteError(new ErrorRecord(new ItemNotFoundException($"Merchant {context.MerchantId} holds no {code.Trim().ToUpperInvariant()} balance; it holds {string.Join(", ", balances.Select(b => b.Currency))}."),
                            ErrorIds.InvalidRequest, ErrorCategory.ObjectNotFound, code));
                    }
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
