using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
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
        private readonly Dictionary<string, (ContentKey Content, int Row)> _seen = new Dictionary<string, (ContentKey, int)>(StringComparer.Ordinal);
        private readonly PayoutBatchSummary _summary = new PayoutBatchSummary();
        private readonly List<ErrorRecord> _deferredErrors = new List<ErrorRecord>();
        private QueuedLog _log = new QueuedLog();
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private PayoutContext? _context;
        private BatchJournal? _journal;
        private PayoutBatch? _batch;
        private GeneratedRequestIds? _derivedIds;
        private BatchProgress? _progress;
        private CorridorRules? _corridors;
        private InputFile? _file;
        private bool _deferErrors;
        private int _rows;
        private int _randomIds;

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
        [ValidateRange(1, 64)]
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

        /// <summary>Send without a confirmation prompt (for scheduled tasks).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();

            // With -ErrorAction Stop (common in admin scripts) one bad row would end the batch and leave the rest
            // untried: row errors are shown as warnings, and the run fails once every row has had its turn.
            _deferErrors = ErrorAction() == ActionPreference.Stop;
            _progress = new BatchProgress(this);
            _log = new QueuedLog(debug: Wants("Debug", "DebugPreference"), verbose: Wants("Verbose", "VerbosePreference"));
            _summary.Journal = Journal == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal);
            if (Path != null)
            {
                _file = OpenInput();
            }

            if (CheckCorridor)
            {
                _context = RequireContext();
                _corridors = new CorridorRules(new AccountApi(_context.Client.Transport));
            }

            if (ValidateOnly)
            {
                return;
            }

            _context = RequireContext();
            if (Journal != null)
            {
                _journal = OpenJournal(_context, _summary.Journal!, _file);
                _derivedIds = new GeneratedRequestIds(_journal.Header.BatchId);
            }

            _batch = new PayoutBatch(_context.Client, _journal, ThrottleLimit, _log, CancellationToken.None);
        }

        protected override void ProcessRecord()
        {
            if (_file != null)
            {
                if (InputObject != null)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give -Path or rows from the pipeline, not both."), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null));
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

            var ready = TryBuild(row);
            if (ready == null)
            {
                Drain();
                return;
            }

            if (ValidateOnly)
            {
                _summary.NotSent++;
                return;
            }

            if (!Approve(Force, $"{ready.Amount} {ready.Currency} to {ready.Payee} (requestId {ready.RequestId}) at {_context!.Environment}", "Send payout"))
            {
                _summary.NotSent++;
                WriteObject(PayoutResult.WhatIf(ready.Request, ready.Fields, _context, ready.Payee, row));
                return;
            }

            while (!_batch!.TryStart(ready, TimeSpan.FromMilliseconds(50)))
            {
                Drain();
            }

            Drain();
        }

        protected override void EndProcessing()
        {
            if (_file != null)
            {
                foreach (var record in _file.Csv.Rows())
                {
                    InputObject = PSObject.AsPSObject(record);
                    ProcessRow();
                }
            }

            while (_batch != null && !_batch.WaitIdle(TimeSpan.FromMilliseconds(100)))
            {
                Drain();
            }

            Drain();
            _progress!.Complete();
            _journal?.Flush();
            _summary.Duration = _watch.Elapsed;
            if (SummaryVariable != null)
            {
                SessionState.PSVariable.Set(SummaryVariable, _summary);
            }

            WriteInformation(new InformationRecord(_summary.ToString(), "PayoutPS.Summary"));
            if (_randomIds > 0)
            {
                WriteWarning($"{_randomIds} payout(s) had no RequestId, so a random one was generated (see RequestId in the output). " +
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

            _journal?.Dispose();
        }

        /// <summary>Maps, checks and keys one row; on failure writes its error (naming the row) and returns null.</summary>
        private BatchRow? TryBuild(int row)
        {
            string? requestId = null;
            string label;
            try
            {
                var values = ReadRow();
                var hasId = values.TryGetValue("RequestId", out var given) && !string.IsNullOrWhiteSpace(given as string);
                if (!hasId)
                {
                    values["RequestId"] = "pending"; // checked with a placeholder; the real id derives from the content
                }

                var remittance = PayoutInput.ToRemittance(values);
                var fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
                if (_corridors != null)
                {
                    Await((log, token) => _corridors.CheckAsync(remittance, log, token));
                }

                var hash = RequestFingerprint.Of(fields);
                if (!hasId)
                {
                    // The content hash leaves the requestId out, so only that field changes: no second check.
                    remittance.RequestId = NewRequestId(hash);
                    fields = RequestFields.With(fields, "requestId", remittance.RequestId);
                }

                requestId = remittance.RequestId;
                label = RowLabel(row, requestId);
                var content = ContentKey.Parse(hash);
                var earlier = _journal != null ? _journal.Find(requestId) : _seen.TryGetValue(requestId, out var seen) ? new JournalEntry(seen.Content, seen.Row, false) : null;
                if (earlier == null)
                {
                    Remember(requestId, content, row);
                }
                else if (earlier.Content != content)
                {
                    RefuseReuse(earlier, row, requestId, label);
                    return null;
                }
                else if (earlier.IsPaid)
                {
                    Emit(PayoutResult.From(_journal!.ReadPaid(earlier), _context!, Describe(remittance), row));
                    return null;
                }

                // Sent before (an earlier run, or an earlier identical row of this one): look it up before sending.
                var mayAlreadyExist = earlier != null && _journal != null;
                return new BatchRow(row, remittance, fields, hash, Describe(remittance), mayAlreadyExist);
            }
            catch (PayoutApiException ex)
            {
                // The corridor could not be looked up (-CheckCorridor): this row is not sent, the next one is tried.
                _summary.Failed++;
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

        /// <summary>-Path: checked to decode as a whole before anything is sent, and fingerprinted for the journal.</summary>
        private InputFile OpenInput()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                var csv = new CsvFile(full, InputFile.EncodingOf(Encoding), Delimiter);
                csv.CheckDecodes();
                var (hash, lines) = csv.Fingerprint();
                _progress!.Total = Math.Max(0, lines - 1);
                return new InputFile(full, hash, csv);
            }
            catch (Exception ex) when (ex is PayoutRequestException || ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, full));
                throw; // not reached
            }
        }

        /// <summary>The RequestId the current row or command line gives, as written (unchecked).</summary>
        private string? WrittenRequestId() =>
            InputObject != null ? Mapper.RequestIdOf(InputObject) : CommandLine.TryGetValue("RequestId", out var id) ? Blank(id as string) : null;

        private string NewRequestId(string contentHash)
        {
            if (_derivedIds != null)
            {
                return _derivedIds.Next(contentHash);
            }

            if (ValidateOnly && (Journal != null || GenerateRequestId))
            {
                return "validate-only-" + _rows.ToString(System.Globalization.CultureInfo.InvariantCulture); // checking only: the run that sends keys the row
            }

            if (GenerateRequestId)
            {
                _randomIds++;
                return Guid.NewGuid().ToString("N");
            }

            throw new PayoutRequestException(
                "RequestId is missing. It is the payout's idempotency key: without it, a rerun after a crash would pay again. " +
                "Add a RequestId column, or run with -Journal <file> (ids are derived and remembered), or -GenerateRequestId (random ids you must keep).", "RequestId");
        }

        private void Remember(string requestId, ContentKey content, int row)
        {
            if (_journal != null)
            {
                _journal.Reserve(requestId, content, row);
            }
            else
            {
                _seen[requestId] = (content, row);
            }
        }

        /// <summary>A RequestId names one payout: other content under it, in this run or the journal's, is refused.</summary>
        private void RefuseReuse(JournalEntry earlier, int row, string requestId, string label)
        {
            if (earlier.FromEarlierRun)
            {
                Refuse(new PayoutRequestException(
                    $"this row differs from what journal {Journal} recorded for RequestId {requestId} (row {earlier.Row} of an earlier run); nothing was sent. " +
                    "If the payout really changed, give it a new RequestId.", "RequestId"), label, row, requestId, ErrorIds.JournalRowChanged);
                return;
            }

            var where = earlier.Row == 0 ? "an earlier payout" : $"row {earlier.Row}, CSV line {earlier.Row + 1}";
            Refuse(new PayoutRequestException(
                $"RequestId {requestId} was already used in this run ({where}) for a different payout; nothing was sent for this row. Give each payout its own RequestId.",
                "RequestId"), label, row, requestId, ErrorIds.RequestIdReused);
        }

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
                if (done.NotSent)
                {
                    _summary.NotSent++;
                    WriteVerbose($"{RowLabel(done.Row.Row, done.Row.RequestId)} was not sent: the run stopped first.");
                }
                else if (done.Payout != null)
                {
                    if (done.Payout.Outcome != PayoutOutcome.Created)
                    {
                        WriteVerbose($"requestId {done.Row.RequestId} already existed as payout {done.Payout.PayoutId} ({done.Payout.Outcome}); nothing was paid again.");
                    }

                    Emit(PayoutResult.From(done.Payout, _context!, done.Row.Payee, done.Row.Row));
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
            _summary.AddPaid(result);
            WriteObject(result);
        }

        private void Fail(BatchResult done)
        {
            var label = RowLabel(done.Row.Row, done.Row.RequestId);
            if (done.Error is PayoutApiException api)
            {
                if (api.Kind == PayoutErrorKind.InDoubt)
                {
                    _summary.AddInDoubt(done.Row.RequestId);
                }
                else if (api.Kind == PayoutErrorKind.Unavailable)
                {
                    _summary.Failed++;
                }
                else
                {
                    _summary.Refused++;
                }

                Report(ErrorRecords.ForRow(api, label, done.Row.RequestId));
                return;
            }

            // The journal cannot be written (disk full, file gone): sending more would pay without memory.
            _summary.Failed++;
            _batch!.StopStarting();
            ThrowTerminatingError(new ErrorRecord(done.Error!, ErrorIds.JournalUnusable, ErrorCategory.WriteError, Journal)
            {
                ErrorDetails = new ErrorDetails($"{label}: {done.Error!.Message} The batch stops; rerun it with the same -Journal once the cause is fixed."),
            });
        }

        private void Refuse(PayoutRequestException ex, string label, int row, string? requestId, string? errorId)
        {
            _summary.Invalid++;
            var record = ErrorRecords.ForRow(ex, label, (object?)requestId ?? "(row " + row + ")", errorId);
            if (row > 0)
            {
                _journal?.RecordInvalid(row, requestId, record.ErrorDetails?.Message ?? ex.Message);
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

        /// <summary>-Debug / -Verbose, else the preference variable: whether anyone will read that stream.</summary>
        private bool Wants(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
            {
                return ((SwitchParameter)bound).IsPresent;
            }

            return LanguagePrimitives.TryConvertTo(GetVariableValue(preferenceVariable), out ActionPreference preference) && preference != ActionPreference.SilentlyContinue;
        }

        /// <summary>-ErrorAction, else $ErrorActionPreference as the caller's scope sees it (a local copy holds plain text).</summary>
        private ActionPreference ErrorAction()
        {
            var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo(value, out ActionPreference preference) ? preference : ActionPreference.Continue;
        }

        private BatchJournal OpenJournal(PayoutContext context, string path, InputFile? file)
        {
            try
            {
                var header = new JournalHeader
                {
                    BatchId = JournalHeader.NewBatchId(), CreatedUtc = DateTime.UtcNow, Merchant = context.MerchantId,
                    Environment = context.Environment, BaseUri = context.BaseUri.AbsoluteUri, InputFile = file?.FullPath, InputHash = file?.Hash,
                };
                var journal = BatchJournal.Open(path, header);
                var mismatch = journal.Header.Mismatch(context.MerchantId, context.Environment, context.BaseUri.AbsoluteUri);
                if (mismatch != null)
                {
                    journal.Dispose();
                    throw new JournalException($"Journal {path} cannot continue here: {mismatch}. Nothing was sent. Connect as that merchant, or use a new journal file.");
                }

                if (journal.IsResumed)
                {
                    WriteVerbose($"Resuming batch {journal.Header.BatchId} from {path}.");
                    if (file != null && journal.Header.InputHash != null && journal.Header.InputHash != file.Hash)
                    {
                        WriteWarning($"{file.FullPath} has changed since this journal started (its hash differs): paid rows are not sent again, and a row whose content changed is refused.");
                    }
                }

                return journal;
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ResourceUnavailable, path));
                throw; // not reached
            }
        }

        /// <summary>"Row 3 (CSV line 4), RequestId INV-3": in the message, since the default error view hides TargetObject.</summary>
        private static string RowLabel(int row, string? requestId)
        {
            var id = requestId == null ? "no RequestId" : "RequestId " + requestId;
            return row == 0 ? id : $"Row {row} (CSV line {row + 1}), {id}";
        }

        private static string Describe(RemittanceRequest request) => request.Payee == null
            ? $"payee {request.BeneficiaryId}"
            : $"{request.Payee.DisplayName} {Redactor.MaskAccount(request.Payee.AccountNumber)}";

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
