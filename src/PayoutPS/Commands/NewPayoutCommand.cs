using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Linq;
using System.Threading;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Redaction;
using PayoutPS.Core.Signing;
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
    public sealed class NewPayoutCommand : PayeeRowCmdletBase
    {
        private readonly List<ErrorRecord> _deferredErrors = new List<ErrorRecord>();
        private readonly PayoutBatchSummary _summary = new PayoutBatchSummary();
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private QueuedLog _log = new QueuedLog();
        private readonly List<int> _lines = new List<int>(); // -Path: the physical line each row starts on
        private PayoutContext? _context;
        private BatchRun? _run;
        private PayoutBatch? _batch;
        private BatchProgress? _progress;
        private CorridorRules? _corridors;
        private InputFile? _file;
        private BatchCost? _cost; // -Path: the file's cost per currency, totalled while it was read, when the balance is to be checked
        private bool _deferErrors;
        private int _rows;

        /// <summary>The idempotency key (≤ 32 characters); a new one is generated when absent.</summary>
        [Parameter]
        [RowField]
        [Alias("PaymentId")]
        public string? RequestId { get; set; }

        /// <summary>An approved (PASS) payee's id.</summary>
        [Parameter]
        [RowField]
        [Alias("PayeeId")]
        [ArgumentCompleter(typeof(BeneficiaryIdCompleter))]
        public string? BeneficiaryId { get; set; }

        /// <summary>What leaves your balance, fees included (chargeFlag N).</summary>
        [Parameter]
        [RowField]
        [Alias("SourceAmount")]
        [AmountTransformation]
        public string? SendAmount { get; set; }

        /// <summary>What must arrive in full; fees are paid on top (chargeFlag Y).</summary>
        [Parameter]
        [RowField]
        [Alias("TargetAmount")]
        [AmountTransformation]
        public string? ReceiveAmount { get; set; }

        /// <summary>With -ChargeFlag: the API's own way to say which amount this is.</summary>
        [Parameter]
        [RowField]
        [AmountTransformation]
        public string? Amount { get; set; }

        /// <summary>N: -Amount is what leaves the balance; Y: -Amount is what arrives.</summary>
        [Parameter]
        [RowField]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? ChargeFlag { get; set; }

        [Parameter]
        [RowField]
        [Alias("FromCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? SourceCurrency { get; set; }

        /// <summary>Defaults to SourceCurrency.</summary>
        [Parameter]
        [RowField]
        [Alias("ToCurrency", "Currency", "PayoutCurrency")]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? TargetCurrency { get; set; }

        /// <summary>OwnAccount, PersonalRemittance, LoanRepayment, TechnicalServices, ShippingFee, BusinessServices, or 0–5.</summary>
        [Parameter]
        [RowField]
        [Alias("TransactionPurpose")]
        [ArgumentCompleter(typeof(PurposeCompleter))]
        public string? Purpose { get; set; }

        [Parameter]
        [RowField]
        public string? Reference { get; set; }

        /// <summary>SWIFT only: SHA (shared fees) or OUR (you pay all fees).</summary>
        [Parameter]
        [RowField]
        [ArgumentCompleter(typeof(ValueCompleter))]
        public string? FeeBearing { get; set; }

        /// <summary>Pay on behalf of an existing payer.</summary>
        [Parameter]
        [RowField]
        public string? PayerId { get; set; }

        /// <summary>Pay on behalf of a payer given inline (companyName or firstName/lastName, countryCode…): a hashtable or JSON text.</summary>
        [Parameter]
        [RowField]
        public object? PayerDetail { get; set; }

        /// <summary>A CSV file to pay, read by the module itself: its name and hash go into the journal's header, and progress shows an ETA.</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>With -Path: the file's encoding, such as utf-8 (default, checked strictly) or 1252 for a Windows Excel export.</summary>
        [Parameter]
        public string? Encoding { get; set; }

        /// <summary>With -Path: the column separator; ';' for a German Excel export.</summary>
        [Parameter]
        public char Delimiter { get; set; } = ',';

        /// <summary>The batch journal: rows are recorded before they are sent, and a rerun with the same file resumes.</summary>
        [Parameter]
        public string? Journal { get; set; }

        /// <summary>How many requests may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, Core.Transport.PayoutTransport.MaxConcurrentRequests)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Without -Journal: give rows without a RequestId a random one (a rerun would pay them again).</summary>
        [Parameter]
        public SwitchParameter GenerateRequestId { get; set; }

        /// <summary>Check every row by the same rules as sending; send nothing, connect to nothing.</summary>
        [Parameter]
        public SwitchParameter ValidateOnly { get; set; }

        /// <summary>Also check each inline payee against what its corridor needs, as the service lists it (needs a connection, also with -ValidateOnly).</summary>
        [Parameter]
        public SwitchParameter CheckCorridor { get; set; }

        /// <summary>The name of a variable that receives the run's summary (counts, totals, rows in doubt, ExitCode).</summary>
        [Parameter]
        public string? SummaryVariable { get; set; }

        /// <summary>Send rows even when they look like payouts already made (the duplicate guard holds them otherwise).</summary>
        [Parameter]
        public SwitchParameter AllowDuplicate { get; set; }

        /// <summary>How far back the duplicate guard searches the service's payouts (default 72 hours); given, rows with their own RequestId are guarded too.</summary>
        [Parameter]
        public TimeSpan? DuplicateWindow { get; set; }

        /// <summary>Send without a confirmation prompt (for scheduled tasks).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>With -Path, start without checking that each currency's balance covers the file.</summary>
        [Parameter]
        public SwitchParameter SkipBalanceCheck { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();

            // With -ErrorAction Stop (common in admin scripts) one bad row would end the batch and leave the rest
            // untried: row errors are shown as warnings, and the run fails once every row has had its turn.
            _deferErrors = ErrorAction() == ActionPreference.Stop;

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
            if (DuplicateWindow is TimeSpan window && (window <= TimeSpan.Zero || window > PayoutClient.LookupWindow))
            {
                Terminate(new ErrorRecord(new ArgumentException($"-DuplicateWindow must be longer than zero and at most {PayoutClient.LookupWindow.TotalDays} days."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, DuplicateWindow), PayoutBatchSummary.ExitInvalidInput);
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
                Ids = Journal == null && !GenerateRequestId ? RequestIdSource.Required : !sends ? RequestIdSource.Placeholder : Journal != null ? RequestIdSource.Journal : RequestIdSource.Random,
                AllowDuplicate = AllowDuplicate,
                DuplicateWindow = DuplicateWindow,
                ExpectedRows = _progress!.Total,
                Summary = _summary,
            };
            if (sends)
            {
                options.Header = new JournalHeader
                {
                    BatchId = JournalHeader.NewBatchId(), CreatedUtc = DateTime.UtcNow, Merchant = _context!.MerchantId, Environment = _context.Environment,
                    BaseUri = _context.BaseUri.AbsoluteUri, InputFile = _file?.FullPath, InputHash = _file?.Hash, InputRows = _file == null ? (int?)null : _progress.Total,
                };
                options.LoadRecentPayouts = (within, known) =>
                    Await((log, token) => RecentPayouts.LoadAsync(_context.Client, within, DateTime.UtcNow, known, log, token));
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

            if (sends)
            {
                _batch = new PayoutBatch(_context!.Client, _run.Journal, ThrottleLimit, _log, CancellationToken.None);
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

            Drain();
        }

        /// <summary>
        /// A new batch from a file starts only when every currency's balance covers the file (Measure-PayoutBatch's
        /// figures): a payroll paid until the money runs out is the worst ending.
        /// </summary>
        private void CheckBalance(BatchCost cost)
        {
            var costs = EndsRunOnError(PayoutBatchSummary.ExitConfiguration, "the balances could not be checked",
                () => Await((log, token) => cost.PriceAsync(new AccountApi(_context!.Client.Transport), log, token)));
            foreach (var pair in cost.UnpricedPairs)
            {
                WriteWarning($"No rate for {pair}; the rows of that pair are not in the balance check (Measure-PayoutBatch shows them as UnpricedRows).");
            }

            var shortOf = costs.Where(c => c.Shortfall > 0).Select(c => c.Describe()).ToList();
            if (shortOf.Count > 0)
            {
                Terminate(new ErrorRecord(new InvalidOperationException(
                    $"{_file!.FullPath} needs more than the balance holds ({string.Join("; ", shortOf)}). Nothing was sent. " +
                    "Top the balance up or split the file; Measure-PayoutBatch shows the figures. -SkipBalanceCheck pays rows until the balance runs out."),
                    ErrorIds.InsufficientBalance, ErrorCategory.LimitsExceeded, _file!.FullPath), PayoutBatchSummary.ExitConfiguration);
            }

            WriteVerbose("Balance check: " + string.Join("; ", costs.Select(c => c.Describe() + $" ({c.Estimate})")) + ".");
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
                Drain();
            }
        }

        protected override void EndProcessing()
        {
            if (_file != null)
            {
                foreach (var record in _file.Csv.Rows())
                {
                    _lines.Add(record.Line);
                    InputObject = PSObject.AsPSObject(record.Fields);
                    ProcessRow();
                }
            }

            // Rows that looked like edited paid rows wait for the end of the input, which tells whether they are.
            foreach (var decided in _run!.ResolveDeferred())
            {
                if (Act(decided) is BatchRow ready && _batch?.IsStopping != true)
                {
                    Send(ready);
                }
            }

            while (_batch != null && !_batch.WaitIdle(TimeSpan.FromMilliseconds(100)))
            {
                Drain();
            }

            Drain();
            _progress!.Complete();
            _run.Journal?.Flush();
            ReportNotReached();
            var summary = _summary;
            summary.Duration = _watch.Elapsed;
            if (summary.Rows == 0)
            {
                var none = _file != null ? $"{_file.FullPath} has no rows (it is empty, or holds only its header): nothing was sent." : "No rows came from the pipeline: nothing was sent.";
                summary.CouldNotGoOn(PayoutBatchSummary.ExitInvalidInput, none);
                WriteError(new ErrorRecord(new ArgumentException(none), ErrorIds.NoRows, ErrorCategory.InvalidData, _file?.FullPath));
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

            if (_deferredErrors.Count > 0)
            {
                var first = _deferredErrors[0];
                ThrowTerminatingError(new ErrorRecord(first.Exception, first.FullyQualifiedErrorId.Split(',')[0], first.CategoryInfo.Category, first.TargetObject)
                {
                    ErrorDetails = new ErrorDetails($"{_deferredErrors.Count} payout(s) were not paid (each is in the warnings above; the batch went on). The first: {first.ErrorDetails?.Message ?? first.Exception.Message}"),
                });
            }
        }

        /// <summary>
        /// Ctrl+C: no new row or attempt starts; requests already out may finish or time out, and their outcomes
        /// go to the journal. The pipeline's output is closed now, so the report goes to the host.
        /// </summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            _summary.StopEarly("stopped with Ctrl+C before the input ended", NotTried());
            if (_batch == null)
            {
                return;
            }

            _batch.StopStarting();
            foreach (var row in _batch.InFlightRows)
            {
                Host.UI.WriteWarningLine($"Stopped while requestId {row.RequestId} was in flight: it is in doubt (it may have been paid) until its answer comes.");
            }

            Host.UI.WriteWarningLine(Journal != null
                ? $"To resume, run the same command again with -Journal {Journal}: paid rows are not sent again and rows in doubt are looked up first."
                : "To settle rows in doubt, run Get-PayoutStatus -RequestId <id>, or send them again with the same RequestId: that can never pay twice.");
        }

        protected override void DisposeResources()
        {
            if (_summary.Ending == BatchEnding.Running)
            {
                // Neither finished nor failed by its own error: a downstream command stopped the pipeline, or an error did.
                _summary.StopEarly("the pipeline was stopped before the input ended", NotTried());
                Host.UI.WriteWarningLine($"New-Payout stopped before its input ended{(NotTried() is int left ? $": {left} row(s) were not tried" : string.Empty)}. Exit code {_summary.ExitCode}.");
            }

            if (_batch != null)
            {
                // After Ctrl+C the requests still out are given their timeout to finish, so their outcomes reach the journal.
                _batch.StopStarting();
                var grace = _context!.Client.Transport.Settings.Timeout + TimeSpan.FromSeconds(5);
                if (!_batch.WaitIdle(grace))
                {
                    Host.UI.WriteWarningLine($"{_batch.InFlight} request(s) were still out when PayoutPS stopped waiting: they are in doubt.");
                }

                _batch.Dispose();
            }

            _run?.Dispose();
        }

        /// <summary>Maps, checks and keys one row and asks the batch what to do with it; null when it is not to be sent (already reported).</summary>
        private BatchRow? TryAdmit(int row)
        {
            string? requestId = null;
            try
            {
                var values = ReadRow();
                var hasId = values.TryGetValue("RequestId", out var given) && !string.IsNullOrWhiteSpace(given as string);
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
                return Act(admission);
            }
            catch (PayoutApiException ex)
            {
                // The corridor (-CheckCorridor) or the duplicate guard's listing could not be read: this row is not sent.
                _summary.Add(RowOutcome.Unavailable, requestId);
                var written = requestId ?? WrittenRequestId();
                Report(ErrorRecords.ForRow(ex, RowLabel(row, written), (object?)written ?? "(row " + row + ")"));
                return null;
            }
            catch (PayoutRequestException ex)
            {
                // Named by the RequestId as written, even when the row could not be read far enough to key it.
                var written = requestId ?? WrittenRequestId();
                Refuse(ex, RowLabel(row, written), row, requestId, null);
                return null;
            }
        }

        /// <summary>Does what the batch decided for a row: the row to send, or null when it was answered here (already paid, refused, held…).</summary>
        private BatchRow? Act(Admission admission)
        {
            var row = admission.Row.Row;
            var requestId = admission.RequestId;
            switch (admission.Kind)
            {
                case AdmissionKind.Send:
                    return admission.Row;
                case AdmissionKind.AlreadyPaid:
                    Emit(PayoutResult.From(admission.Paid!, _context!, admission.Row.Payee, row));
                    break;
                case AdmissionKind.Repeated:
                    _summary.Add(RowOutcome.Repeated, requestId);
                    WriteWarning($"{RowLabel(row, requestId)}: {admission.Message}");
                    break;
                case AdmissionKind.Refused:
                    var id = admission.Reason == AdmissionReason.ChangedSinceJournal ? ErrorIds.JournalRowChanged : ErrorIds.RequestIdReused;
                    Refuse(new PayoutRequestException(admission.Message!, "RequestId"), RowLabel(row, requestId), row, requestId, id);
                    break;
                case AdmissionKind.Held:
                    Hold(admission);
                    break;
                case AdmissionKind.Deferred:
                    WriteVerbose(admission.Reason == AdmissionReason.AmbiguousOccurrence
                        ? $"{RowLabel(row, requestId)} is one of identical rows the journal recorded partly paid: it waits for the end of the input, which tells whether each is the row it was."
                        : $"{RowLabel(row, requestId)} pays the same payee in the same currency as a paid journal row this input has not reached yet: it waits for the end of the input, which tells whether that row was edited.");
                    break;
            }

            return null;
        }

        /// <summary>A row held back (the duplicate guard, or an identical row the journal cannot place): never sent, reported with the fix, counted as refused.</summary>
        private void Hold(Admission held)
        {
            var label = RowLabel(held.Row.Row, held.RequestId);
            _summary.Add(RowOutcome.Held, held.RequestId);
            if (held.Row.Row > 0)
            {
                _run!.Journal?.RecordInvalid(held.Row.Row, held.RequestId, $"{label}: {held.Message}", RowOutcome.Held);
            }

            var id = held.Reason == AdmissionReason.AmbiguousOccurrence ? ErrorIds.AmbiguousRow : ErrorIds.DuplicateSuspected;
            Report(ErrorRecords.ForRow(new PayoutRequestException(held.Message!, "RequestId"), label, held.RequestId, id));
        }

        /// <summary>Names the rows an earlier run recorded, unpaid, that this input never reached: a subset or edited file cannot pass for the whole batch.</summary>
        private void ReportNotReached()
        {
            var missing = _run!.NotReached();
            if (missing.Count > 0)
            {
                var first = string.Join(", ", missing.Take(5).Select(m => $"row {m.Row} (RequestId {m.RequestId})"));
                WriteWarning($"{missing.Count} row(s) that an earlier run of journal {_run.Journal!.Path} recorded, and that are not paid, were not in this input: {first}" +
                             (missing.Count > 5 ? ", …" : string.Empty) + ". Run the whole original file again to settle them; Get-PayoutBatch lists every row.");
            }
        }

        /// <summary>-Path: checked to decode as a whole before anything is sent, and fingerprinted for the journal.</summary>
        private InputFile OpenInput(bool balanceCheck)
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                _cost = balanceCheck ? new BatchCost() : null;
                var (csv, rows) = InputFile.Read(full, Encoding, Delimiter, Mapper, CommandLine, _cost); // the whole file first: a wrong encoding or shape sends nothing
                _progress!.Total = rows;
                if (csv.BlankLines > 0)
                {
                    WriteVerbose($"{full}: {csv.BlankLines} blank line(s) skipped.");
                }

                return new InputFile(full, csv.Sha256(), csv);
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                Terminate(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, full), PayoutBatchSummary.ExitInvalidInput);
                throw; // not reached
            }
        }

        /// <summary>The RequestId the current row or command line gives, as written (unchecked).</summary>
        private string? WrittenRequestId() =>
            InputObject != null ? Mapper.RequestIdOf(InputObject) : CommandLine.TryGetValue("RequestId", out var id) ? Blank(id as string) : null;

        /// <summary>Writes finished rows, queued log lines and progress; only ever on the pipeline thread.</summary>
        private void Drain()
        {
            while (_log.Messages.TryDequeue(out var message))
            {
                if (message.IsDebug)
                {
                    WriteDebug(message.Message);
                }
                else
                {
                    WriteVerbose(message.Message);
                }
            }

            while (_batch != null && _batch.Results.TryDequeue(out var done))
            {
                var outcome = _run!.Count(done);
                if (done.Payout != null)
                {
                    if (outcome != RowOutcome.Created)
                    {
                        WriteVerbose($"requestId {done.Row.RequestId} already existed as payout {done.Payout.PayoutId} ({outcome}); nothing was paid again.");
                    }

                    WriteObject(PayoutResult.From(done.Payout, _context!, done.Row.Payee, done.Row.Row));
                }
                else if (outcome == RowOutcome.NotSent)
                {
                    WriteVerbose($"{RowLabel(done.Row.Row, done.Row.RequestId)} was not sent: the run stopped first.");
                }
                else
                {
                    Fail(done);
                }
            }

            _progress!.Report(_summary, _batch?.InFlight ?? 0);
        }

        private void Emit(PayoutResult result)
        {
            _summary.Add(RowOutcome.Journaled, result.RequestId, result.SourceAmount, result.SourceCurrency, result.Fee);
            WriteObject(result);
        }

        private void Fail(BatchResult done)
        {
            var label = RowLabel(done.Row.Row, done.Row.RequestId);
            if (done.Error is PayoutApiException api)
            {
                Report(ErrorRecords.ForRow(api, label, done.Row.RequestId));
                return;
            }

            // The journal cannot be written (disk full, file gone or replaced): sending more would pay without memory.
            _batch!.StopStarting();
            Terminate(new ErrorRecord(done.Error!, ErrorIds.JournalUnusable, ErrorCategory.WriteError, Journal)
            {
                ErrorDetails = new ErrorDetails($"{label}: {done.Error!.Message} The batch stops; rerun it with the same -Journal once the cause is fixed."),
            }, PayoutBatchSummary.ExitConfiguration);
        }

        private void Refuse(PayoutRequestException ex, string label, int row, string? requestId, string? errorId)
        {
            _summary.Add(RowOutcome.Invalid, requestId);
            var record = ErrorRecords.ForRow(ex, label, (object?)requestId ?? "(row " + row + ")", errorId);
            if (row > 0)
            {
                _run!.Journal?.RecordInvalid(row, requestId, record.ErrorDetails?.Message ?? ex.Message);
            }

            Report(record);
        }

        private void Report(ErrorRecord record)
        {
            if (_deferErrors)
            {
                WriteWarning(record.ErrorDetails?.Message ?? record.Exception.Message);
                _deferredErrors.Add(record);
                return;
            }

            WriteError(record);
        }

        /// <summary>-ErrorAction, else $ErrorActionPreference as the caller's scope sees it (a local copy holds plain text).</summary>
        private ActionPreference ErrorAction()
        {
            var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo(value, out ActionPreference preference) ? preference : ActionPreference.Continue;
        }

        /// <summary>Ends the run with a terminating error, and says so in the summary first.</summary>
        private void Terminate(ErrorRecord record, int exitCode)
        {
            _summary.CouldNotGoOn(exitCode, record.ErrorDetails?.Message ?? record.Exception.Message, NotTried());
            ThrowTerminatingError(record);
        }

        /// <summary>Runs a step whose own terminating error (not connected, no confirmation) ends the run: the summary says so.</summary>
        private T EndsRunOnError<T>(int exitCode, string what, Func<T> step)
        {
            try
            {
                return step();
            }
            catch (Exception ex)
            {
                // A terminating error arrives here as PipelineStoppedException; after Ctrl+C the summary already says Stopped.
                _summary.CouldNotGoOn(exitCode, ex is PipelineStoppedException ? what : what + ": " + ex.Message, NotTried());
                throw;
            }
        }

        /// <summary>Rows of the file not tried yet; null for pipeline input, whose length is unknown.</summary>
        private int? NotTried() => _file == null ? (int?)null : Math.Max(0, _progress!.Total - _rows);

        /// <summary>
        /// "Row 3 (CSV line 5), RequestId INV-3": in the message, since the default error view hides TargetObject.
        /// The physical line is known only when PayoutPS read the file (-Path); piped rows are counted.
        /// </summary>
        private string RowLabel(int row, string? requestId)
        {
            var id = requestId == null ? "no RequestId" : "RequestId " + requestId;
            return row == 0 ? id : row <= _lines.Count ? $"Row {row} (CSV line {_lines[row - 1]}), {id}" : $"Row {row}, {id}";
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
