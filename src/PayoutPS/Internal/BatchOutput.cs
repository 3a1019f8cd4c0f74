using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Api;
using PayoutPS.Core.Batch;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// How New-Payout's rows reach PowerShell: results as objects, refused and held rows as errors naming the row
    /// and its CSV line, transport messages as Verbose and Debug, and progress. What a row's outcome is, and what
    /// the journal records, is the batch's (<see cref="BatchRun"/>); this class only writes. Pipeline thread only.
    /// </summary>
    internal sealed class BatchOutput
    {
        private readonly PSCmdlet _cmdlet;
        private readonly BatchRun _run;
        private readonly PayoutContext? _context;
        private readonly BatchProgress _progress;
        private readonly QueuedLog _log;
        private readonly Action<ErrorRecord, int> _terminate;
        private readonly bool _deferErrors;
        private readonly List<ErrorRecord> _deferred = new List<ErrorRecord>();
        private readonly List<int> _lines = new List<int>(); // -Path: the physical line each row starts on

        /// <param name="deferErrors">
        /// With -ErrorAction Stop (common in admin scripts) one bad row would end the batch and leave the rest
        /// untried: row errors are then shown as warnings, and the run fails once every row has had its turn.
        /// </param>
        /// <param name="terminate">Ends the run with an error and an exit code (the journal could not be written).</param>
        public BatchOutput(PSCmdlet cmdlet, BatchRun run, PayoutContext? context, BatchProgress progress, QueuedLog log, bool deferErrors, Action<ErrorRecord, int> terminate)
        {
            _cmdlet = cmdlet;
            _run = run;
            _context = context;
            _progress = progress;
            _log = log;
            _deferErrors = deferErrors;
            _terminate = terminate;
        }

        /// <summary>The batch sending the rows; null while only checking.</summary>
        public PayoutBatch? Batch { get; set; }

        /// <summary>The next row of a -Path file starts on physical line <paramref name="line"/>.</summary>
        public void AddLine(int line) => _lines.Add(line);

        /// <summary>
        /// "Row 3 (CSV line 5), RequestId INV-3": in the message, since the default error view hides TargetObject.
        /// The physical line is known only when PayoutPS read the file (-Path); piped rows are counted.
        /// </summary>
        public string RowLabel(int row, string? requestId)
        {
            var id = requestId == null ? "no RequestId" : "RequestId " + requestId;
            return row == 0 ? id : row <= _lines.Count ? $"Row {row} (CSV line {_lines[row - 1]}), {id}" : $"Row {row}, {id}";
        }

        /// <summary>Does what the batch decided for a row: the row to send, or null when it was answered here (already paid, refused, held…).</summary>
        public BatchRow? Act(Admission admission)
        {
            var row = admission.Row.Row;
            var requestId = admission.RequestId;
            switch (admission.Kind)
            {
                case AdmissionKind.Send:
                    return admission.Row;
                case AdmissionKind.AlreadyPaid:
                    var result = PayoutResult.From(admission.Paid!, _context!, admission.Row.Payee, row);
                    _run.Summary.Add(RowOutcome.Journaled, result.RequestId, result.SourceAmount, result.SourceCurrency, result.Fee, result.Status);
                    _cmdlet.WriteObject(result);
                    break;
                case AdmissionKind.Repeated:
                    _run.Summary.Add(RowOutcome.Repeated, requestId);
                    _cmdlet.WriteWarning($"{RowLabel(row, requestId)}: {admission.Message}");
                    break;
                case AdmissionKind.Refused:
                    var id = admission.Reason == AdmissionReason.ChangedSinceJournal ? ErrorIds.JournalRowChanged : ErrorIds.RequestIdReused;
                    Refuse(new PayoutRequestException(admission.Message!, "RequestId"), row, requestId, id);
                    break;
                case AdmissionKind.Held:
                    Hold(admission);
                    break;
                case AdmissionKind.Deferred:
                    _cmdlet.WriteVerbose(admission.Reason == AdmissionReason.AmbiguousOccurrence
                        ? $"{RowLabel(row, requestId)} is one of identical rows the journal recorded partly paid: it waits for the end of the input, which tells whether each is the row it was."
                        : $"{RowLabel(row, requestId)} pays the same payee in the same currency as a paid journal row this input has not reached yet: it waits for the end of the input, which tells whether that row was edited.");
                    break;
            }

            return null;
        }

        /// <summary>A row that cannot be sent as written: counted and journaled by the batch, reported here.</summary>
        /// <param name="labelId">The RequestId to name the row by when it could not be keyed (as written in the row).</param>
        public void Refuse(PayoutRequestException ex, int row, string? requestId, string? errorId = null, string? labelId = null)
        {
            var record = ErrorRecords.ForRow(ex, RowLabel(row, requestId ?? labelId), (object?)requestId ?? "(row " + row + ")", errorId);
            _run.Refuse(row, requestId, record.ErrorDetails?.Message ?? ex.Message);
            Report(record);
        }

        /// <summary>An error for a row that was not sent and is already counted (the service could not be asked).</summary>
        public void Report(ErrorRecord record)
        {
            if (_deferErrors)
            {
                _cmdlet.WriteWarning(record.ErrorDetails?.Message ?? record.Exception.Message);
                _deferred.Add(record);
                return;
            }

            _cmdlet.WriteError(record);
        }

        /// <summary>Writes finished rows, queued log lines and progress.</summary>
        public void Drain()
        {
            while (_log.Messages.TryDequeue(out var message))
            {
                if (message.IsDebug)
                {
                    _cmdlet.WriteDebug(message.Message);
                }
                else
                {
                    _cmdlet.WriteVerbose(message.Message);
                }
            }

            while (Batch != null && Batch.Results.TryDequeue(out var done))
            {
                var outcome = _run.Count(done);
                if (done.Payout != null)
                {
                    if (outcome != RowOutcome.Created)
                    {
                        _cmdlet.WriteVerbose($"requestId {done.Row.RequestId} already existed as payout {done.Payout.PayoutId} ({outcome}); nothing was paid again.");
                    }

                    _cmdlet.WriteObject(PayoutResult.From(done.Payout, _context!, done.Row.Payee, done.Row.Row));
                }
                else if (outcome == RowOutcome.NotSent)
                {
                    _cmdlet.WriteVerbose($"{RowLabel(done.Row.Row, done.Row.RequestId)} was not sent: the run stopped first.");
                }
                else
                {
                    Fail(done);
                }
            }

            _progress.Report(_run.Summary, Batch?.InFlight ?? 0);
        }

        /// <summary>
        /// After the last row: the duplicate guard lists again what was created meanwhile, and each row another run paid
        /// too is an error (exit code 1). A list that cannot be read leaves that unknown, and says so.
        /// </summary>
        public void CheckForDoublePayments()
        {
            try
            {
                var doubles = _run.CheckForDoublePayments();
                if (_run.Summary.FinalCheckDuration is TimeSpan took)
                {
                    _log.Verbose($"Duplicate guard: the final check took {took.TotalMilliseconds:0} ms and found {doubles.Count} row(s) paid by another run too.");
                }

                foreach (var found in doubles)
                {
                    Report(new ErrorRecord(new InvalidOperationException(found), ErrorIds.PaidTwice, ErrorCategory.ResourceExists, null) { ErrorDetails = new ErrorDetails(found) });
                }
            }
            catch (PayoutApiException ex)
            {
                _cmdlet.WriteWarning($"The duplicate guard's final check could not list the payouts created during this run ({ex.Message}), so whether another run paid a row of it too is unknown. " +
                                     "Get-PayoutBatch -Journal <file> -Summary checks the journal's own rows; use -BatchId so concurrent runs cannot pay a row twice.");
            }
        }

        /// <summary>Names the rows an earlier run recorded, unpaid, that this input never reached: a subset or edited file cannot pass for the whole batch.</summary>
        public void ReportNotReached()
        {
            var missing = _run.NotReached();
            if (missing.Count > 0)
            {
                var first = string.Join(", ", missing.Take(5).Select(m => $"row {m.Row} (RequestId {m.RequestId})"));
                _cmdlet.WriteWarning($"{missing.Count} row(s) that an earlier run of journal {_run.Journal!.Path} recorded, and that are not paid, were not in this input: {first}" +
                                     (missing.Count > 5 ? ", …" : string.Empty) + ". Run the whole original file again to settle them; Get-PayoutBatch lists every row.");
            }
        }

        /// <summary>Under -ErrorAction Stop, the error the run ends with once every row had its turn; null when no row failed.</summary>
        public ErrorRecord? DeferredError()
        {
            if (_deferred.Count == 0)
            {
                return null;
            }

            var first = _deferred[0];
            return new ErrorRecord(first.Exception, first.FullyQualifiedErrorId.Split(',')[0], first.CategoryInfo.Category, first.TargetObject)
            {
                ErrorDetails = new ErrorDetails($"{_deferred.Count} payout(s) were not paid (each is in the warnings above; the batch went on). The first: {first.ErrorDetails?.Message ?? first.Exception.Message}"),
            };
        }

        /// <summary>A row held back (the duplicate guard, or an identical row the journal cannot place): never sent, reported with the fix.</summary>
        private void Hold(Admission held)
        {
            var label = RowLabel(held.Row.Row, held.RequestId);
            _run.Hold(held, $"{label}: {held.Message}");
            var id = held.Reason == AdmissionReason.AmbiguousOccurrence ? ErrorIds.AmbiguousRow : ErrorIds.DuplicateSuspected;
            Report(ErrorRecords.ForRow(new PayoutRequestException(held.Message!, "RequestId"), label, held.RequestId, id));
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
            Batch!.StopStarting();
            _terminate(new ErrorRecord(done.Error!, ErrorIds.JournalUnusable, ErrorCategory.WriteError, _run.Journal?.Path)
            {
                ErrorDetails = new ErrorDetails($"{label}: {done.Error!.Message} The batch stops; rerun it with the same -Journal once the cause is fixed."),
            }, PayoutBatchSummary.ExitConfiguration);
        }
    }
}
