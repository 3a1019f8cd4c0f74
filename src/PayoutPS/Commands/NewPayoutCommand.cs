using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Sends one payout per input: to an approved payee, or to an individual or business given inline,
    /// optionally on behalf of a payer. Exactly once per RequestId, whatever fails on the way.
    /// A pipeline row fills the [RowField] parameters by name or alias (the API's field names among them); the
    /// cmdlet maps rows itself, so a misspelled column or an unreadable value is reported with its row named.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Payout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PayoutResult))]
    public sealed partial class NewPayoutCommand : PayeeRowCmdletBase
    {
        private readonly PayoutBatchSummary _summary = new PayoutBatchSummary();
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private QueuedLog _log = new QueuedLog();
        private PayoutContext? _context;
        private BatchRun? _run;
        private BatchOutput? _output;
        private PayoutBatch? _batch;
        private BatchProgress? _progress;
        private CorridorRules? _corridors;
        private InputFile? _file;
        private BatchCost? _cost; // -Path: the file's cost per currency, totalled while it was read, when the balance is to be checked
        private int _rows;
        private TerminateAsInterrupt? _sigterm;
        private ErrorRecord? _headerRow; // a piped row that repeats the header: the rows after it are not tried
        private int _rowsAfterHeaderRow;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();

            // The summary is handed out before anything can fail, so every ending (a terminating error included)
            // leaves an exit code in it; a run that has not finished never reads 0.
            if (SummaryVariable != null)
            {
                if (SummaryVariable.StartsWith("$", StringComparison.Ordinal) || SummaryVariable.Trim().Length == 0)
                {
                    Terminate(new ErrorRecord(new ArgumentException($"-SummaryVariable takes a variable's name without '$': -SummaryVariable {SummaryVariable.TrimStart('$')}, then read ${SummaryVariable.TrimStart('$')}."),
                        ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, SummaryVariable), PayoutBatchSummary.ExitInvalidInput);
                }

                SessionState.PSVariable.Set(SummaryVariable, _summary);
            }

            _progress = new BatchProgress(this);
            _log = NewLog();
            CheckBatchParameters();

            var sends = !ValidateOnly && !IsWhatIf(); // checking writes nothing anywhere: no journal, no listing
            var journal = Journal == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal);
            if (Path != null)
            {
                // A resumed batch was checked against the balances when it started, and part of it is paid.
                var resumed = journal != null && File.Exists(journal);
                if (resumed && sends && !SkipBalanceCheck)
                {
                    WriteVerbose($"Balance check skipped: journal {journal} exists, so this batch was checked when it started.");
                }

                _file = OpenInput(balanceCheck: sends && !SkipBalanceCheck && !resumed);
            }

            if (CheckCorridor || !ValidateOnly)
            {
                _context = EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "not connected", RequireContext);
                _corridors = CheckCorridor ? new CorridorRules(new AccountApi(_context.Client.Transport)) : null;
            }

            if (_cost != null)
            {
                CheckBalance(_cost);
            }

            var options = new BatchRunOptions
            {
                JournalPath = sends ? journal : null,
                Ids = Journal == null && BatchId == null && !GenerateRequestId ? RequestIdSource.Required
                    : !sends ? RequestIdSource.Placeholder
                    : Journal != null || BatchId != null ? RequestIdSource.Derived
                    : RequestIdSource.Random,
                AllowDuplicate = AllowDuplicate,
                DuplicateWindow = DuplicateWindow,
                ExpectedRows = _progress!.Total,
                Summary = _summary,
            };
            if (sends)
            {
                options.Header = new JournalHeader
                {
                    BatchId = JournalHeader.NewBatchId(), SenderBatchId = BatchId, CreatedUtc = DateTime.UtcNow, Merchant = _context!.MerchantId, Environment = _context.Environment,
                    BaseUri = _context.BaseUri.AbsoluteUri, InputFile = _file?.FullPath, InputHash = _file?.Hash, InputRows = _file == null ? (int?)null : _progress.Total,
                };
                options.LoadRecentPayouts = (within, known) =>
                    Await((log, token) => RecentPayouts.LoadAsync(_context.Client, within, known, ThrottleLimit, log, token));
            }

            try
            {
                _run = BatchRun.Open(options);
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                Terminate(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ResourceUnavailable, journal), PayoutBatchSummary.ExitConfiguration);
            }

            _summary.Journal = journal;
            if (_run!.Journal?.IsResumed == true)
            {
                WriteVerbose($"Resuming batch {_run.Journal.Header.BatchId} from {_run.Journal.Path}.");
            }

            if (_run.InputChanged() is string changed)
            {
                WriteWarning(changed);
            }

            _output = new BatchOutput(this, _run, _context, _progress, _log, deferErrors: ErrorAction() == ActionPreference.Stop, Terminate);
            if (sends)
            {
                _sigterm = new TerminateAsInterrupt();
                _batch = _output.Batch = new PayoutBatch(_context!.Client, _run.Journal, ThrottleLimit, _log, CancellationToken.None)
                {
                    FreshWithin = DuplicateWindow ?? RecentPayouts.DefaultWindow,
                };
            }
        }

        protected override void ProcessRecord()
        {
            if (_file != null)
            {
                if (InputObject != null)
                {
                    Terminate(new ErrorRecord(new ArgumentException("Give -Path or rows from the pipeline, not both."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null), PayoutBatchSummary.ExitInvalidInput);
                }

                return; // the file's rows go in EndProcessing
            }

            ProcessRow();
        }

        private void ProcessRow()
        {
            if (_headerRow != null)
            {
                _rowsAfterHeaderRow++; // read under the wrong header: not tried
                return;
            }

            var row = InputObject == null ? 0 : ++_rows;
            _summary.Rows = Math.Max(_summary.Rows, Math.Max(row, 1));
            if (_batch?.IsStopping == true)
            {
                return;
            }

            var ready = TryAdmit(row);
            if (ready != null)
            {
                Send(ready);
            }

            _output!.Drain();
        }

        /// <summary>Sends a row the batch admitted, or, checking only, shows what would be sent.</summary>
        private void Send(BatchRow ready)
        {
            if (ValidateOnly)
            {
                _summary.Add(RowOutcome.Checked, ready.RequestId);
                return;
            }

            if (!EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "no confirmation", () => Approve(Force, $"{ready.Amount} {ready.Currency} to {ready.Payee} (requestId {ready.RequestId}) at {_context!.Environment}", "Send payout")))
            {
                _summary.Add(RowOutcome.Checked, ready.RequestId);
                WriteObject(PayoutResult.WhatIf(ready.Request, ready.Fields, _context!, ready.Payee, ready.Row));
                return;
            }

            while (!_batch!.TryStart(ready, TimeSpan.FromMilliseconds(50)))
            {
                _output!.Drain();
            }
        }

        protected override void EndProcessing()
        {
            if (_file != null)
            {
                try
                {
                    foreach (var record in _file.Csv.Rows())
                    {
                        _output!.AddLine(record.Line);
                        InputObject = PSObject.AsPSObject(record.Fields);
                        ProcessRow();
                    }
                }
                catch (PayoutRequestException changed)
                {
                    // The bytes under the handle changed in place (not an append, not a replacement): the run cannot vouch for the rest.
                    _batch?.StopStarting();
                    Terminate(new ErrorRecord(changed, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, _file.FullPath), PayoutBatchSummary.ExitConfiguration);
                }

                if (_file.Csv.ChangedOnDisk())
                {
                    WriteWarning($"{_file.FullPath} changed on disk while it was paid (written to, or replaced): only the {_progress!.Total} row(s) it held when it was checked, " +
                                 $"hashed and priced were paid (SHA-256 {_file.Hash}). Rows added since are not in this batch; pay them as a file of their own.");
                }
            }

            // Rows that looked like edited paid rows wait for the end of the input, which tells whether they are.
            foreach (var decided in _run!.ResolveDeferred())
            {
                if (_output!.Act(decided) is BatchRow ready && _batch?.IsStopping != true)
                {
                    Send(ready);
                }
            }

            while (_batch != null && !_batch.WaitIdle(TimeSpan.FromMilliseconds(100)))
            {
                _output!.Drain();
            }

            _output!.Drain();
            _output.CheckForDoublePayments();
            _output.Drain();
            _progress!.Complete();
            try
            {
                _run.Journal?.Flush();
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException)
            {
                // The last records could not be made durable: the journal's error, not "the pipeline was stopped".
                Terminate(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.WriteError, _run.Journal?.Path), PayoutBatchSummary.ExitConfiguration);
            }

            _output!.ReportNotReached();
            var summary = _summary;
            summary.Duration = _watch.Elapsed;
            if (summary.Rows == 0)
            {
                var none = _file != null ? $"{_file.FullPath} has no rows (it is empty, or holds only its header): nothing was sent." : "No rows came from the pipeline: nothing was sent.";
                summary.CouldNotGoOn(PayoutBatchSummary.ExitInvalidInput, none);
                WriteError(new ErrorRecord(new ArgumentException(none), ErrorIds.NoRows, ErrorCategory.InvalidData, _file?.FullPath));
            }

            if (_headerRow != null)
            {
                summary.CouldNotGoOn(PayoutBatchSummary.ExitInvalidInput, _headerRow.ErrorDetails.Message, _rowsAfterHeaderRow);
            }

            summary.Finish();

            // Shown by the host like Write-Host (the PSHOST tag), so an interactive run ends with its summary; still
            // in the Information stream for -InformationVariable, and hidden with -InformationAction Ignore.
            WriteInformation(new HostInformationMessage { Message = summary.ToString() }, new[] { "PayoutPS.Summary", "PSHOST" });
            if (_run.RandomIds > 0)
            {
                WriteWarning($"{_run.RandomIds} payout(s) had no RequestId, so a random one was generated (see RequestId in the output). " +
                             "Keep those ids: sending the same payout again without its RequestId would pay it again. -Journal derives ids a rerun finds.");
            }

            if (_headerRow != null)
            {
                ThrowTerminatingError(_headerRow);
            }

            if (_output.DeferredError() is ErrorRecord deferred)
            {
                ThrowTerminatingError(deferred);
            }
        }

        /// <summary>Maps, checks and keys one row and asks the batch what to do with it; null when it is not to be sent (already reported).</summary>
        private BatchRow? TryAdmit(int row)
        {
            string? requestId = null;
            try
            {
                var values = ReadRow();
                var hasId = values.TryGetValue("RequestId", out var given) && !string.IsNullOrWhiteSpace(InputValue.ToText(given, "RequestId")); // 42 is the RequestId "42"
                if (!hasId)
                {
                    values["RequestId"] = "pending"; // checked with a placeholder; the batch keys the row from its content
                }

                var remittance = PayoutInput.ToRemittance(values);
                var fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
                if (_corridors != null)
                {
                    Await((log, token) => _corridors.CheckAsync(remittance, log, token));
                }

                var admission = _run!.Admit(row, remittance, fields, hasId);
                requestId = admission.RequestId;
                return _output!.Act(admission);
            }
            catch (PayoutApiException ex)
            {
                // The corridor (-CheckCorridor) or the duplicate guard's listing could not be read: this row is not sent.
                _summary.Add(RowOutcome.Unavailable, requestId);
                var written = requestId ?? WrittenRequestId();
                _output!.Report(ErrorRecords.ForRow(ex, _output.RowLabel(row, written), (object?)written ?? "(row " + row + ")"));
                return null;
            }
            catch (HeaderRowException ex)
            {
                // A header read as a row: the rows after it mean something else than they say, so none of them is sent;
                // the rows before it finish, and the run ends with this error (exit 2) once they have.
                _run!.Refuse(row, null, ex.Message);
                _headerRow = new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, null)
                {
                    ErrorDetails = new ErrorDetails(_output!.RowLabel(row, null) + ": " + ex.Message),
                };
                return null;
            }
            catch (PayoutRequestException ex)
            {
                // Named by the RequestId as written, even when the row could not be read far enough to key it.
                var written = requestId ?? WrittenRequestId();
                _output!.Refuse(ex, row, requestId, labelId: written);
                return null;
            }
        }

        /// <summary>The RequestId the current row or command line gives, as written (unchecked).</summary>
        private string? WrittenRequestId() =>
            InputObject != null ? Mapper.RequestIdOf(InputObject) : CommandLine.TryGetValue("RequestId", out var id) ? Blank(id as string) : null;

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
