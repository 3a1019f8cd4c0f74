using System;
using System.Linq;
using System.Diagnostics;
using System.Management.Automation;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Looks payouts up by RequestId or PayoutId (New-Payout's output pipes straight in), optionally waiting
    /// for a final status; or lists them by status and creation time, paging automatically.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayoutStatus", DefaultParameterSetName = LookupSet, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutResult))]
    public sealed class GetPayoutStatusCommand : PayoutCmdletBase
    {
        private const string LookupSet = "Lookup";
        private const string ListSet = "List";
        private const int PageSize = 100;

        /// <summary>One or more; also plain strings from the pipeline: 'INV-1', 'INV-2' | Get-PayoutStatus.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LookupSet)]
        public string[]? RequestId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LookupSet)]
        public string[]? PayoutId { get; set; }

        /// <summary>Poll until the payout reaches S, F, U or V, or -TimeoutSec passes.</summary>
        [Parameter(ParameterSetName = LookupSet)]
        public SwitchParameter Wait { get; set; }

        [Parameter(ParameterSetName = LookupSet)]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 300;

        /// <summary>The first pause between polls; it grows by half each time, up to 30 s.</summary>
        [Parameter(ParameterSetName = LookupSet)]
        [ValidateRange(0.1, 60)]
        public double PollIntervalSec { get; set; } = 1;

        /// <summary>List payouts created at or after this time.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public DateTime Since { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public DateTime? Until { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("A", "CA", "B", "R", "P", "S", "F", "U", "V")]
        public string? Status { get; set; }

        /// <summary>From New-Payout's output: kept on the result, so a batch piped through -Wait keeps its rows.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LookupSet, DontShow = true)]
        public int? Row { get; set; }

        /// <summary>From New-Payout's output: the masked payee, kept on the result.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LookupSet, DontShow = true)]
        public string? Payee { get; set; }

        /// <summary>From New-Payout's output: how the payout came to be (Created, Recovered…), kept on the result.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = LookupSet, DontShow = true)]
        public string? Outcome { get; set; }

        private PayoutResult Carried(PayoutResult result)
        {
            if (!string.IsNullOrEmpty(Outcome) && Outcome != "WhatIf")
            {
                result.Outcome = Outcome!;
            }

            return result;
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            try
            {
                if (ParameterSetName == ListSet)
                {
                    List(context);
                }
                else
                {
                    LookupAll(context);
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, string.Join(", ", RequestId ?? PayoutId ?? Array.Empty<string>())));
            }
        }

        /// <summary>Each RequestId given (else each PayoutId), in order; a blank one is skipped.</summary>
        private void LookupAll(PayoutContext context)
        {
            var requestIds = (RequestId ?? Array.Empty<string>()).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList();
            var payoutIds = (PayoutId ?? Array.Empty<string>()).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList();
            if (requestIds.Count == 0 && payoutIds.Count == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException("Give -RequestId or -PayoutId (or pipe New-Payout's output)."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null));
                return;
            }

            foreach (var (requestId, payoutId) in requestIds.Count > 0 ? requestIds.Select(id => ((string?)id, (string?)null)) : payoutIds.Select(id => ((string?)null, (string?)id)))
            {
                try
                {
                    Lookup(context, requestId, payoutId);
                }
                catch (PayoutApiException ex) when (requestIds.Count + payoutIds.Count > 1)
                {
                    WriteError(ErrorRecords.From(ex, (object?)requestId ?? payoutId)); // one id that cannot be asked about does not stop the others
                }
            }
        }

        private void Lookup(PayoutContext context, string? requestId, string? payoutId)
        {

            var watch = Stopwatch.StartNew();
            var pause = TimeSpan.FromSeconds(PollIntervalSec);
            while (true)
            {
                var record = Await((log, token) => context.Client.FindPayoutAsync(requestId, payoutId, log, token));
                if (record == null)
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"No payout with {(requestId != null ? "requestId " + requestId : "payoutId " + payoutId)} in the last {PayoutClient.LookupWindow.TotalDays:0} days at {context.Environment}. Nothing was paid under that id."),
                        ErrorIds.NotFound, ErrorCategory.ObjectNotFound, (object?)requestId ?? payoutId));
                    return;
                }

                if (!Wait || record.IsTerminal)
                {
                    WriteObject(Carried(PayoutResult.From(record, context, Payee, Row)));
                    return;
                }

                var left = TimeSpan.FromSeconds(TimeoutSec) - watch.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    WriteObject(Carried(PayoutResult.From(record, context, Payee, Row)));
                    WriteError(new ErrorRecord(
                        new TimeoutException($"Payout {record.PayoutId} is still '{record.StatusMeaning}' after {TimeoutSec} s; run Get-PayoutStatus again later."),
                        ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout, record.RequestId));
                    return;
                }

                WriteVerbose($"Payout {record.PayoutId} is {record.Status} ({record.StatusMeaning}); checking again in {pause.TotalSeconds:0.#} s.");
                Sleep(pause < left ? pause : left);
                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 1.5));
            }
        }

        private void List(PayoutContext context)
        {
            var (from, to) = Window(Since, Until);
            var query = new PayoutQuery { Status = Status?.ToUpperInvariant(), CreatedFrom = from, CreatedTo = to }; // ValidateSet takes "s"; the API wants "S"
            foreach (var record in AllPages(PageSize, async (current, log, token) =>
            {
                var page = await context.Client.ListPayoutsAsync(query, PageSize, current, log, token).ConfigureAwait(false);
                return (page.Records, page.Total);
            }))
            {
                WriteObject(PayoutResult.From(record, context, null));
            }
        }
    }
}
