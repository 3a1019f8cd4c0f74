using System;
using System.Management.Automation;
using PayoutPS.Commands;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// New-Payout's parameters in the runner's terms: what the batch is (journal, header, keys, duplicate guard) and
    /// how its rows are treated (checked only, checked with the corridor, the grace for requests out when it stops).
    /// </summary>
    internal static class NewPayoutOptions
    {
        /// <param name="sends">False for -ValidateOnly and -WhatIf: then nothing is written and nothing is listed.</param>
        /// <param name="listRecent">Lists the service's recent payouts for the duplicate guard (the cmdlet's Await, so Ctrl+C stops it).</param>
        /// <param name="approvals">The approvals the run relies on (-RequireApproval), for a new journal's header.</param>
        internal static BatchRunOptions Batch(NewPayoutCommand cmd, string? journal, bool sends, PayoutContext? context, InputFile? file, int rows, string? approvals,
            PayoutBatchSummary summary, Func<TimeSpan, Func<string, bool>, RecentPayouts> listRecent) => new BatchRunOptions
        {
            JournalPath = sends ? journal : null,
            Ids = BatchRunOptions.IdsFor(journal != null, cmd.BatchId, cmd.GenerateRequestId, sends),
            AllowDuplicate = cmd.AllowDuplicate,
            DuplicateWindow = cmd.DuplicateWindow,
            ExpectedRows = rows,
            Summary = summary,
            LoadRecentPayouts = sends ? listRecent : null,
            Header = !sends ? new JournalHeader() : new JournalHeader
            {
                BatchId = JournalHeader.NewBatchId(),
                SenderBatchId = cmd.BatchId,
                CreatedUtc = DateTime.UtcNow,
                Merchant = context!.MerchantId,
                Environment = context.Environment,
                BaseUri = context.BaseUri.AbsoluteUri,
                InputFile = file?.FullPath,
                InputHash = file?.Hash,
                InputRows = file == null ? (int?)null : rows,
                Approvals = approvals,
            },
        };

        /// <param name="checkRow">The corridor check of each row with the service (-CheckCorridor), or null.</param>
        internal static BatchRunnerOptions Runner(NewPayoutCommand cmd, PayoutContext? context, InputFile? file, int rows, Action<RemittanceRequest>? checkRow) => new BatchRunnerOptions
        {
            CheckOnly = cmd.ValidateOnly,
            ExpectedRows = file == null ? (int?)null : rows,
            InputName = file?.FullPath,
            CheckRow = checkRow,
            StopGrace = context == null ? TimeSpan.Zero : context.Client.Transport.Settings.Timeout + TimeSpan.FromSeconds(5),
        };

        /// <summary>What to do after Ctrl+C, said once the run has stopped.</summary>
        internal static string ResumeHint(string? journal) => journal != null
            ? $"To resume, run the same command again with -Journal {journal}: paid rows are not sent again and rows in doubt are looked up first."
            : "To settle rows in doubt, run Get-PayoutStatus -RequestId <id>, or send them again with the same RequestId: that can never pay twice.";

        /// <summary>
        /// -SummaryVariable: the summary handed out before anything can fail, so every ending (a terminating error
        /// included) leaves an exit code in it; a run that has not finished never reads 0. A name with '$' is refused.
        /// </summary>
        internal static void HandOutSummary(SessionState session, string? name, PayoutBatchSummary summary)
        {
            if (name == null)
            {
                return;
            }

            if (name.StartsWith("$", StringComparison.Ordinal) || name.Trim().Length == 0)
            {
                throw new RunRefusedException(new ErrorRecord(new ArgumentException($"-SummaryVariable takes a variable's name without '$': -SummaryVariable {name.TrimStart('$')}, then read ${name.TrimStart('$')}."),
                    ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, name), PayoutBatchSummary.ExitInvalidInput);
            }

            session.PSVariable.Set(name, summary);
        }
    }
}
