using System;
using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Ledger entries of one currency (#4) between two times. A window of any length is split into the windows
    /// the API takes, and every page is fetched, so reconciling a year is one command.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayoutLedger", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutLedgerEntry))]
    public sealed class GetPayoutLedgerCommand : PayoutCmdletBase
    {
        private const int PageSize = LedgerReader.PageSize;

        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string Currency { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        public DateTime Since { get; set; }

        /// <summary>Defaults to now.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>PAYOUT, FEE, PAYOUT_REVERSAL or FEE_REVERSAL.</summary>
        [Parameter]
        [ValidateSet("PAYOUT", "FEE", "PAYOUT_REVERSAL", "FEE_REVERSAL", IgnoreCase = true)]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var api = new AccountApi(context.Client.Transport);
            var currency = Currency.Trim().ToUpperInvariant();
            var (since, end) = Window(Since, Until);
            var type = Type?.ToUpperInvariant();
            // The bounds are inclusive and whole seconds: neighbouring windows share their boundary second, so an
            // entry there comes twice and is written once (by its entryId).
            var previousWindow = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var window in LedgerReader.Windows(since, end))
                {
                    var thisWindow = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var entry in AllPages(PageSize, (current, log, token) => api.GetLedgerPageAsync(currency, window.From, window.To, type, PageSize, current, log, token)))
                    {
                        if (entry.EntryId == null || (thisWindow.Add(entry.EntryId) && !previousWindow.Contains(entry.EntryId)))
                        {
                            WriteObject(entry);
                        }
                    }

                    previousWindow = thisWindow;
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, null));
            }
        }
    }
}
