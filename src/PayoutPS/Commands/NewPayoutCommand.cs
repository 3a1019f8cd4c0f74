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
    [Cmdlet(VerbsCommon.New, "Payout", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutResult))]
    public sealed partial class NewPayoutCommand : PayeeRowCmdletBase
    {
        private readonly PayoutBatchSummary _summary = new PayoutBatchSummary();
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private QueuedLog _log = new QueuedLog();
        private PayoutContext? _context;
        private BatchRunner? _runner;
        private BatchOutput? _output;
        private BatchProgress? _progress;
        private CorridorRules? _corridors;
        private InputFile? _file;
        private BatchCost? _cost; // -Path: the file's cost per currency, totalled while it was read, when the balance is to be checked
        private StopOnSigterm? _sigterm;

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
            if (BatchRunOptions.Problem(BatchId, GenerateRequestId, DuplicateWindow) is string problem)
            {
                Terminate(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, BatchId), PayoutBatchSummary.ExitInvalidInput);
            }

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
                Ids = BatchRunOptions.IdsFor(Journal != null, BatchId, GenerateRequestId, sends),
                AllowDuplicate = AllowDuplicate,
                DuplicateWindow = DuplicateWindow,
                ExpectedRows = _progress!.Total,
                Summary = _summary,
            };
            _summary.Journal = journal;
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

            _output = new BatchOutput(this, _context, _progress, _log, deferErrors: ErrorAction() == ActionPreference.Stop, MaySend);
            try
            {
                _runner = BatchRunner.Open(options, new BatchRunnerOptions
                {
                    CheckOnly = ValidateOnly,
                    ExpectedRows = _file == null ? (int?)null : _progress.Total,
                    InputName = _file?.FullPath,
                    CheckRow = _corridors == null ? (Action<RemittanceRequest>?)null : remittance => Await((log, token) => _corridors.CheckAsync(remittance, log, token)),
                    StopGrace = _context == null ? TimeSpan.Zero : _context.Client.Transport.Settings.Timeout + TimeSpan.FromSeconds(5),
                }, _output, sends ? _context!.Client : null, ThrottleLimit, _log);
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                Terminate(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ResourceUnavailable, journal), PayoutBatchSummary.ExitConfiguration);
            }

            _sigterm = sends ? new StopOnSigterm(() => _runner!.Stop("stopped by SIGTERM before the input ended", nameInFlight: false)) : null;
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

        /// <summary>One row (or the command line's one payout) to the runner; a journal that cannot be written ends the run.</summary>
        private void ProcessRow() => Aborts(() =>
        {
            if (InputObject == null && MyInvocation.ExpectingInput)
            {
                _runner!.Add(() => throw NotARow.Null("New-Payout"), () => null); // $null piped is a row that is none, never the command line's payout
                return;
            }

            _runner!.Add(ReadRow, WrittenRequestId, isRow: InputObject != null);
        });

        /// <summary>ShouldProcess for one row: false under -WhatIf; a confirmation that cannot be asked ends the run.</summary>
        private bool MaySend(BatchRow ready) =>
            EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "no confirmation", () => Approve(Force, $"{ready.Amount} {ready.Currency} to {ready.Payee} (requestId {ready.RequestId}) at {_context!.Environment}", "Send payout"));

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
                    _runner!.Stop("the input file changed while it was paid", nameInFlight: false);
                    Terminate(new ErrorRecord(changed, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, _file.FullPath), PayoutBatchSummary.ExitConfiguration);
                }

                if (_file.Csv.ChangedOnDisk())
                {
                    WriteWarning($"{_file.FullPath} changed on disk while it was paid (written to, or replaced): only the {_progress!.Total} row(s) it held when it was checked, " +
                                 $"hashed and priced were paid (SHA-256 {_file.Hash}). Rows added since are not in this batch; pay them as a file of their own.");
                }
            }

            try
            {
                Aborts(_runner!.Finish);
            }
            finally
            {
                _progress!.Complete();
            }

            // Shown by the host like Write-Host (the PSHOST tag), so an interactive batch ends with its summary; still
            // in the Information stream for -InformationVariable, and hidden with -InformationAction Ignore. One payout
            // is its own result: no summary line after it (-SummaryVariable still has one).
            if (_file != null || _summary.Rows > 1)
            {
                WriteInformation(new HostInformationMessage { Message = _summary.ToString() }, new[] { "PayoutPS.Summary", "PSHOST" });
            }
            if (_runner.RandomIds > 0)
            {
                WriteWarning($"{_runner.RandomIds} payout(s) had no RequestId, so a random one was generated (see RequestId in the output). " +
                             "Keep those ids: sending the same payout again without its RequestId would pay it again. -Journal derives ids a rerun finds.");
            }

            if (_runner.HeaderRow is BatchProblem header)
            {
                ThrowTerminatingError(new ErrorRecord(header.Exception, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, null) { ErrorDetails = new ErrorDetails(header.Message) });
            }

            if (_output!.DeferredError() is ErrorRecord deferred)
            {
                ThrowTerminatingError(deferred);
            }
        }

        /// <summary>Runs a step of the run; a journal that cannot be written ends it with that error (the summary already says so, exit 3).</summary>
        private void Aborts(Action step)
        {
            try
            {
                step();
            }
            catch (BatchAbortedException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex.InnerException ?? ex, ErrorIds.JournalUnusable, ErrorCategory.WriteError, ex.Journal) { ErrorDetails = new ErrorDetails(ex.Message) });
            }
        }

        /// <summary>The RequestId the current row or command line gives, as written (unchecked).</summary>
        private string? WrittenRequestId() =>
            InputObject != null ? Mapper.RequestIdOf(InputObject) : CommandLine.TryGetValue("RequestId", out var id) ? Blank(id as string) : null;

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
