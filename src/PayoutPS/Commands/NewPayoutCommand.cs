using System;
using System.IO;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
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
    [Cmdlet(VerbsCommon.New, "Payout", DefaultParameterSetName = RowsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutResult))]
    public sealed partial class NewPayoutCommand : PayeeRowCmdletBase
    {
        private readonly PayoutBatchSummary _summary = new PayoutBatchSummary();
        private PayoutContext? _context;
        private BatchRunner? _runner;
        private BatchOutput? _output;
        private BatchProgress? _progress;
        private CorridorRules? _corridors;
        private InputFile? _file;
        private StopOnSigterm? _sigterm;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                Start();
            }
            catch (RunRefusedException refused)
            {
                Terminate(refused.Record, refused.ExitCode);
            }
        }

        /// <summary>Checks the parameters, reads and prices a -Path file, connects, and opens the runner (and its journal).</summary>
        private void Start()
        {
            NewPayoutOptions.HandOutSummary(SessionState, SummaryVariable, _summary);

            _progress = new BatchProgress(this);
            RefuseIf(BatchRunOptions.Problem(BatchId, GenerateRequestId, DuplicateWindow), BatchId);
            var sends = !ValidateOnly && !IsWhatIf(); // checking writes nothing anywhere: no journal, no listing
            var journal = _summary.Journal = Journal == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal);

            // A resumed batch was checked against the balances when it started, and part of it is paid.
            var resumed = journal != null && File.Exists(journal);
            var cost = Path != null && sends && !SkipBalanceCheck && !resumed ? new BatchCost() : null;
            if (Path != null)
            {
                _file = FilePreflight.Open(this, Path, Encoding, Delimiter, Mapper, CommandLine, cost, sends, out var rows);
                _progress.Total = rows;
            }

            if (CheckCorridor || !ValidateOnly)
            {
                _context = EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "not connected", RequireContext);
                _corridors = CheckCorridor ? new CorridorRules(new AccountApi(_context.Client.Transport)) : null;
            }

            if (cost != null)
            {
                var costs = EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "the balances could not be checked",
                    () => Await((log, token) => cost.PriceAsync(new AccountApi(_context!.Client.Transport), log, token)));
                FilePreflight.CheckBalance(this, cost, costs, _file!.FullPath);
            }
            else if (resumed && Path != null && sends && !SkipBalanceCheck)
            {
                WriteVerbose($"Balance check skipped: journal {journal} exists, so this batch was checked when it started.");
            }

            var approvals = _context == null ? null : ApprovalGate.Check(this, _file, _progress.Total, _context, journal); // nothing is sent or written unless approved
            var batch = NewPayoutOptions.Batch(this, journal, sends, _context, _file, _progress.Total, approvals, _summary,
                (within, known) => Await((log, token) => RecentPayouts.LoadAsync(_context!.Client, within, known, ThrottleLimit, log, token)));
            var runner = NewPayoutOptions.Runner(this, _context, _file, _progress.Total,
                _corridors == null ? (Action<RemittanceRequest>?)null : remittance => Await((log, token) => _corridors.CheckAsync(remittance, log, token)));
            var runLog = NewLog();
            _output = new BatchOutput(this, _context, _progress, runLog, deferErrors: ErrorAction() == ActionPreference.Stop, MaySend, _file?.Source);
            try
            {
                _runner = BatchRunner.Open(batch, runner, _output, sends ? _context!.Client : null, ThrottleLimit, runLog);
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RunRefusedException(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ResourceUnavailable, journal), PayoutBatchSummary.ExitConfiguration);
            }

            _sigterm = sends ? new StopOnSigterm(() => _runner!.Stop("stopped by SIGTERM before the input ended", nameInFlight: false)) : null;
        }

        protected override void ProcessRecord()
        {
            if (_file == null)
            {
                ProcessRow();
            }
            else if (InputObject != null) // a file's rows go in EndProcessing; piped ones do not belong
            {
                Terminate(new ErrorRecord(new ArgumentException("Give -Path or rows from the pipeline, not both."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null), PayoutBatchSummary.ExitInvalidInput);
            }
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
                    foreach (var record in _file.Source.Rows())
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

                if (_file.ChangedSinceRead(_progress!.Total) is string changedOnDisk)
                {
                    WriteWarning(changedOnDisk);
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
            if (_runner.RandomIdsWarning is string randomIds)
            {
                WriteWarning(randomIds);
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
