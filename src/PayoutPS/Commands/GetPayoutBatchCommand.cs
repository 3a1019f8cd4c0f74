using System;
using PayoutPS.Core;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// A batch as its journal recorded it: one row per input row with its latest outcome and status, or the
    /// totals (-Summary). -Refresh asks the service for rows whose status may still change.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PayoutBatch", HelpUri = Links.Readme)]
    [OutputType(typeof(BatchRowState), typeof(PayoutBatchSummary), typeof(PayoutReconciliation), typeof(PayoutBatchReport), typeof(Core.Iso20022.Pain002Summary))]
    public sealed class GetPayoutBatchCommand : PayoutCmdletBase
    {
        // -Refresh: rows are read a chunk at a time and their lookups overlap (one by one, a million rows took ~4.5 min).
        private const int RefreshChunk = 256;
        private const int RefreshInFlight = 8;

        /// <summary>The journal New-Payout -Journal wrote.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(JournalCompleter))]
        public string Journal { get; set; } = string.Empty;

        /// <summary>Look up rows in doubt and payouts not yet final (needs a connection).</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        /// <summary>Emit the totals instead of the rows.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Match every paid row to the ledger (needs a connection) and emit the reconciliation instead of the rows.</summary>
        [Parameter]
        public SwitchParameter Reconcile { get; set; }

        /// <summary>Write the batch as one self-contained HTML page to this file (with -Reconcile, the ledger's verdicts too) and emit the file.</summary>
        [Parameter]
        public string? Report { get; set; }

        /// <summary>For a batch paid from a pain.001: write its pain.002.001.03 status report to this path, for the ERP to import.</summary>
        [Parameter]
        public string? Pain002 { get; set; }

        protected override void ProcessRecord()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal);
            JournalRows batch;
            try
            {
                batch = JournalRows.Open(path);
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ReadError, path));
                return;
            }

            var context = Refresh || Reconcile ? RequireContext() : null;
            var summary = new PayoutBatchSummary { Journal = path };
            var matcher = Reconcile ? new LedgerMatcher(batch.Count) : null;
            var report = Report == null ? null : new BatchReport();
            var page = Report == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Report);
            using var rowsCsv = page == null ? null : new BatchReportCsv(new StreamWriter(PayoutBatchReport.CsvBeside(page), false, new System.Text.UTF8Encoding(true)));
            var statusReport = Pain002 == null ? null : OpenPain002(batch.Header);
            var doubles = new JournalDoubles();
            var position = 0;
            foreach (var row in Settled(batch.Rows(), path, Refresh ? context : null))
            {
                summary.Add(row);
                if (doubles.Add(row) is string paidTwice)
                {
                    summary.AddPaidTwice(paidTwice);
                    WriteWarning(paidTwice);
                }

                report?.Add(row);
                rowsCsv?.Add(row);
                statusReport?.Add(row);
                matcher?.AddRow(position++, row);
                if (!Summary && !Reconcile && report == null && statusReport == null)
                {
                    WriteObject(row);
                }
            }

            // A journal that knows its file (-Path) can tell rows no run ever reached: never "all paid" while some wait.
            var inputRows = batch.Header.InputRows;
            var reached = batch.RowsReached;
            if (inputRows > reached)
            {
                summary.StopEarly($"the journal's runs reached {reached} of the {inputRows} rows of {batch.Header.InputFile}", inputRows - reached);
                WriteWarning($"{inputRows - reached} row(s) of {batch.Header.InputFile} were never reached by a run of this journal: run New-Payout -Path with this journal again to pay them.");
            }

            summary.Finish();
            var reconciliation = matcher == null ? null : ReconcileRows(context!, matcher, batch);
            if (reconciliation != null)
            {
                reconciliation.PaidTwice = doubles.Found;
                reconciliation.Summary = summary;
            }

            if (statusReport != null)
            {
                WriteObject(statusReport.Write(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Pain002), DateTime.UtcNow));
            }

            if (report != null)
            {
                var csv = PayoutBatchReport.CsvBeside(page!);
                File.WriteAllText(page!, report.Render(batch.Header, summary, reconciliation, DateTime.UtcNow, Path.GetFileName(csv)), new System.Text.UTF8Encoding(false));
                WriteObject(new PayoutBatchReport(page!, csv, rowsCsv!.Rows, summary.ExitCode != 0 ? summary.ExitCode : reconciliation?.ExitCode ?? 0));
            }
            else if (reconciliation != null)
            {
                WriteObject(reconciliation);
            }
            else if (Summary && statusReport == null)
            {
                WriteObject(summary);
            }
        }

        /// <summary>
        /// -Pain002: the batch's original pain.001, read again to answer it transaction by transaction; it must be the
        /// file the journal paid (its SHA-256), or the report would answer another message.
        /// </summary>
        private Core.Iso20022.Pain002Report OpenPain002(JournalHeader header)
        {
            var original = header.InputFile;
            if (original == null || !File.Exists(original) || !Core.Iso20022.Pain001File.IsXml(original))
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(original == null || File.Exists(original)
                        ? $"-Pain002 answers a pain.001: this journal's batch came from {original ?? "piped rows"}, not from a pain.001 file."
                        : $"-Pain002 answers the pain.001 the batch paid, and {original} is no longer there: put it back where it was."),
                    ErrorIds.InvalidRequest, ErrorCategory.InvalidOperation, Pain002));
            }

            using var file = new Core.Iso20022.Pain001File(original!);
            try
            {
                file.CountRows();
                if (header.InputHash != null && file.Sha256() != header.InputHash)
                {
                    throw new PayoutRequestException($"{original} changed since the batch paid it (SHA-256 {file.Sha256()}, the journal recorded {header.InputHash}): a status report of it would answer another message.", "Pain002");
                }
            }
            catch (PayoutRequestException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, original));
            }

            return new Core.Iso20022.Pain002Report(file);
        }

        /// <summary>
        /// The ledger of every currency the batch paid in, from a minute before the journal began until now (reversals
        /// come later than their payouts), matched to the paid rows by payout id as its pages arrive.
        /// </summary>
        private PayoutReconciliation ReconcileRows(PayoutContext context, LedgerMatcher matcher, JournalRows batch)
        {
            var api = new AccountApi(context.Client.Transport);
            var (from, to) = (batch.Header.CreatedUtc.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
            foreach (var currency in matcher.Currencies.Where(c => c.Length > 0))
            {
                Await((log, token) => LedgerReader.ReadAsync(api, currency, from, to, matcher.AddEntry, log, token));
            }

            var result = matcher.Finish(batch.RequestIdsAt);
            foreach (var row in result.Rows.Where(r => r.NeedsLook))
            {
                WriteWarning(string.Format(System.Globalization.CultureInfo.InvariantCulture, "Row {0}, RequestId {1}: payout {2} is {3} (paid {4} {5}; the ledger's debit {6} and fee {7}).",
                    row.Row, row.RequestId, row.PayoutId, row.Verdict, row.Paid, row.Currency, row.LedgerDebit, row.LedgerFee));
            }

            return result;
        }

        /// <summary>
        /// The journal's rows (with the statuses learned since: see <see cref="JournalRows.Rows"/>); with <paramref name="refresh"/>,
        /// rows whose status may still change are asked about a chunk at a time, several in flight, and come out in journal
        /// order, and each status looked up is recorded beside <paramref name="journal"/> for every later reading.
        /// </summary>
        private IEnumerable<BatchRowState> Settled(IEnumerable<BatchRowState> rows, string journal, PayoutContext? refresh)
        {
            var chunk = new List<BatchRowState>(RefreshChunk);
            foreach (var row in rows)
            {
                chunk.Add(row);
                if (refresh == null || chunk.Count == RefreshChunk)
                {
                    RefreshAll(refresh, chunk, journal);
                    foreach (var settled in chunk)
                    {
                        yield return settled;
                    }

                    chunk.Clear();
                }
            }

            RefreshAll(refresh, chunk, journal);
            foreach (var settled in chunk)
            {
                yield return settled;
            }
        }

        /// <summary>Asks the service about the rows of <paramref name="chunk"/> that may still change, and settles each with its own answer only.</summary>
        private void RefreshAll(PayoutContext? context, List<BatchRowState> chunk, string journal)
        {
            var asking = context == null ? null : chunk.Where(r => r.MayChange).ToList();
            if (asking == null || asking.Count == 0)
            {
                return;
            }

            var answers = Await((log, token) => context!.Client.FindPayoutsAsync(asking.Select(r => r.RequestId!).ToList(), RefreshInFlight, log, token));
            for (var i = 0; i < asking.Count; i++)
            {
                var (row, (found, error)) = (asking[i], answers[i]);
                if (error != null)
                {
                    WriteWarning($"Row {row.Row}, RequestId {row.RequestId}: could not refresh ({error.Message}).");
                }
                else if (found != null && row.Settle(found) is string mismatch)
                {
                    WriteWarning($"Row {row.Row}, RequestId {row.RequestId}: {mismatch}.");
                }
                else if (found?.Status != null && row.IsCreated)
                {
                    Core.Notifications.NotificationLog.RecordLookup(journal, found); // later readings (and a rerun) count it as the service now says
                }
            }
        }
    }
}
