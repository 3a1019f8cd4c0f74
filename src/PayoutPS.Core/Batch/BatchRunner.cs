using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PayoutPS.Core.Api;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>How a <see cref="BatchRunner"/> treats its rows, beyond what the <see cref="BatchRun"/> decides.</summary>
    public sealed class BatchRunnerOptions
    {
        /// <summary>-ValidateOnly: every row is checked and keyed, none is sent.</summary>
        public bool CheckOnly { get; set; }

        /// <summary>How many rows the input has when known (a file), so a run that stops can say how many it never tried.</summary>
        public int? ExpectedRows { get; set; }

        /// <summary>The input file, named when it holds no rows; null for piped rows.</summary>
        public string? InputName { get; set; }

        /// <summary>A check of each row with the service before it is admitted (-CheckCorridor); throws to refuse the row.</summary>
        public Action<RemittanceRequest>? CheckRow { get; set; }

        /// <summary>How long requests still out after a stop are given to answer: the transport's timeout and a little more.</summary>
        public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(35);
    }

    /// <summary>
    /// A batch run end to end, in the order that makes it exactly once and its counts whole. Each row is read, checked,
    /// keyed and admitted (<see cref="BatchRun"/>), sent (<see cref="PayoutBatch"/>), and its answer counted as it comes.
    /// After the last row (<see cref="Finish"/>): rows deferred as possible edits are decided, the requests still out
    /// are awaited, the final check looks for double payments, the journal is made durable, rows an earlier run recorded
    /// and this input never reached are named, and the summary is finished. However the run stops instead (Ctrl+C,
    /// a terminating error, a journal failure), <see cref="Dispose"/> counts the rows still out before anyone reads the
    /// summary. Push-based, as PowerShell hands rows over one at a time. Caller's thread only.
    /// </summary>
    public sealed class BatchRunner : IDisposable
    {
        private readonly BatchRun _run;
        private readonly PayoutBatch? _batch; // null while only checking
        private readonly IBatchSink _sink;
        private readonly BatchRunnerOptions _options;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private int _rows;
        private int _rowsAfterHeaderRow;
        private bool _disposed;

        public BatchRunner(BatchRun run, PayoutBatch? batch, IBatchSink sink, BatchRunnerOptions? options = null)
        {
            _run = run;
            _batch = batch;
            _sink = sink;
            _options = options ?? new BatchRunnerOptions();
        }

        public PayoutBatchSummary Summary => _run.Summary;

        /// <summary>How many rows got a random RequestId (the caller must keep them).</summary>
        public int RandomIds => _run.RandomIds;

        /// <summary>A piped row that repeated the header: the run ends with it (exit 2) once the rows before it finished.</summary>
        public BatchProblem? HeaderRow { get; private set; }

        /// <summary>Rows of the input not tried; null when the input's length is unknown (piped).</summary>
        public int? NotTried => _options.ExpectedRows is int expected ? Math.Max(0, expected - _rows) : (int?)null;

        /// <summary>
        /// One row: <paramref name="read"/> maps it to payout fields (throwing <see cref="PayoutRequestException"/> or
        /// <see cref="HeaderRowException"/> when it cannot); it is checked, keyed, admitted and sent, and the answers
        /// that came back meanwhile are written. <paramref name="isRow"/> is false for one payout from the command line.
        /// </summary>
        /// <param name="writtenRequestId">The RequestId as written, to name a row that cannot be read far enough to key it.</param>
        public void Add(Func<Dictionary<string, object?>> read, Func<string?> writtenRequestId, bool isRow = true)
        {
            if (HeaderRow != null)
            {
                _rowsAfterHeaderRow++; // read under the wrong header: not tried
                return;
            }

            var row = isRow ? ++_rows : 0;
            Summary.Rows = Math.Max(Summary.Rows, Math.Max(row, 1));
            if (_batch?.IsStopping == true)
            {
                return;
            }

            if (TryAdmit(row, read, writtenRequestId) is BatchRow ready)
            {
                Send(ready);
            }

            Drain();
        }

        /// <summary>After the last row: see the class. Throws <see cref="BatchAbortedException"/> when the journal cannot be made durable.</summary>
        public void Finish()
        {
            foreach (var decided in _run.ResolveDeferred())
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
            CheckForDoublePayments();
            Drain();
            try
            {
                _run.Journal?.Flush();
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException)
            {
                // The last records could not be made durable: the journal's error, not "the pipeline was stopped".
                Summary.CouldNotGoOn(PayoutBatchSummary.ExitConfiguration, ex.Message, NotTried);
                throw new BatchAbortedException(ex.Message, ex, _run.Journal?.Path);
            }

            ReportNotReached();
            Summary.Duration = _watch.Elapsed;
            if (Summary.Rows == 0)
            {
                var none = _options.InputName != null ? $"{_options.InputName} has no rows (it is empty, or holds only its header): nothing was sent." : "No rows came from the pipeline: nothing was sent.";
                Summary.CouldNotGoOn(PayoutBatchSummary.ExitInvalidInput, none);
                _sink.Problem(new BatchProblem(BatchProblemKind.NoRows, new ArgumentException(none), null, _options.InputName));
            }

            if (HeaderRow != null)
            {
                Summary.CouldNotGoOn(PayoutBatchSummary.ExitInvalidInput, HeaderRow.Message, _rowsAfterHeaderRow);
            }

            Summary.Finish();
        }

        /// <summary>
        /// Ctrl+C: no new row or attempt starts; requests already out may finish or time out (<see cref="Dispose"/>
        /// waits for them). Returns the rows in flight, which are in doubt until their answers come.
        /// </summary>
        public IReadOnlyList<BatchRow> Stop(string reason)
        {
            Summary.StopEarly(reason, NotTried);
            if (_batch == null)
            {
                return Array.Empty<BatchRow>();
            }

            _batch.StopStarting();
            return _batch.InFlightRows.ToList();
        }

        /// <summary>
        /// However the run ended: a run that neither finished nor said why was stopped from outside; requests still out
        /// get <see cref="BatchRunnerOptions.StopGrace"/> to answer, and every row that came back since is counted (the
        /// caller's output may be closed by now, so nothing but warnings is written).
        /// </summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (Summary.Ending == BatchEnding.Running)
            {
                Summary.StopEarly("the pipeline was stopped before the input ended", NotTried);
            }

            if (_batch != null)
            {
                _batch.StopStarting();
                if (!_batch.WaitIdle(_options.StopGrace))
                {
                    _sink.Warning($"{_batch.InFlight} request(s) were still out when PayoutPS stopped waiting: they are in doubt.");
                }

                _run.CountAfterStop(_batch);
                _batch.Dispose();
                if (Summary.Ending != BatchEnding.Finished)
                {
                    // The summary line a finished run would have shown, counted to the last row that came back.
                    _sink.Warning($"New-Payout did not finish: {Summary}");
                }
            }

            _run.Dispose();
        }

        /// <summary>Maps, checks and keys one row and asks the batch what to do with it; null when it is not to be sent (already reported).</summary>
        private BatchRow? TryAdmit(int row, Func<Dictionary<string, object?>> read, Func<string?> writtenRequestId)
        {
            string? requestId = null;
            try
            {
                var values = read();
                var hasId = values.TryGetValue("RequestId", out var given) && !string.IsNullOrWhiteSpace(InputValue.ToText(given, "RequestId")); // 42 is the RequestId "42"
                if (!hasId)
                {
                    values["RequestId"] = "pending"; // checked with a placeholder; the batch keys the row from its content
                }

                var remittance = PayoutInput.ToRemittance(values);
                var fields = remittance.ToFields(); // the whole row is checked before anything is asked or sent
                _options.CheckRow?.Invoke(remittance);
                var admission = _run.Admit(row, remittance, fields, hasId);
                requestId = admission.RequestId;
                return Act(admission);
            }
            catch (PayoutApiException ex)
            {
                // The corridor or the duplicate guard's listing could not be read: this row is not sent.
                Summary.Add(RowOutcome.Unavailable, requestId);
                var written = requestId ?? writtenRequestId();
                _sink.Problem(new BatchProblem(BatchProblemKind.Service, ex, _sink.RowLabel(row, written), (object?)written ?? "(row " + row + ")"));
                return null;
            }
            catch (HeaderRowException ex)
            {
                // A header read as a row: the rows after it mean something else than they say, so none of them is sent;
                // the rows before it finish, and the run ends with this error (exit 2) once they have.
                HeaderRow = new BatchProblem(BatchProblemKind.Invalid, ex, _sink.RowLabel(row, null), null);
                _run.Refuse(row, null, HeaderRow.Message);
                return null;
            }
            catch (PayoutRequestException ex)
            {
                // Named by the RequestId as written, even when the row could not be read far enough to key it.
                Refuse(BatchProblemKind.Invalid, ex, row, requestId, requestId ?? writtenRequestId());
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
                    var paid = admission.Paid!;
                    Summary.Add(RowOutcome.Journaled, paid.RequestId, paid.SourceAmount, paid.SourceCurrency, paid.Fee, paid.Status);
                    _sink.Paid(admission.Row, paid);
                    break;
                case AdmissionKind.Repeated:
                    Summary.Add(RowOutcome.Repeated, requestId);
                    _sink.Warning($"{_sink.RowLabel(row, requestId)}: {admission.Message}");
                    break;
                case AdmissionKind.Refused:
                    var kind = admission.Reason == AdmissionReason.ChangedSinceJournal ? BatchProblemKind.ChangedSinceJournal : BatchProblemKind.RequestIdReused;
                    Refuse(kind, new PayoutRequestException(admission.Message!, "RequestId"), row, requestId, requestId);
                    break;
                case AdmissionKind.Held:
                    var held = new BatchProblem(
                        admission.Reason == AdmissionReason.AmbiguousOccurrence ? BatchProblemKind.AmbiguousRow : BatchProblemKind.DuplicateSuspected,
                        new PayoutRequestException(admission.Message!, "RequestId"), _sink.RowLabel(row, requestId), requestId);
                    _run.Hold(admission, held.Message);
                    _sink.Problem(held);
                    break;
                case AdmissionKind.Deferred:
                    _sink.Verbose(admission.Reason == AdmissionReason.AmbiguousOccurrence
                        ? $"{_sink.RowLabel(row, requestId)} is one of identical rows the journal recorded partly paid: it waits for the end of the input, which tells whether each is the row it was."
                        : $"{_sink.RowLabel(row, requestId)} pays the same payee in the same currency as a paid journal row this input has not reached yet: it waits for the end of the input, which tells whether that row was edited.");
                    break;
            }

            return null;
        }

        /// <summary>A row that cannot be sent as written: counted and journaled, and reported.</summary>
        private void Refuse(BatchProblemKind kind, PayoutRequestException ex, int row, string? requestId, string? labelId)
        {
            var problem = new BatchProblem(kind, ex, _sink.RowLabel(row, labelId), (object?)requestId ?? "(row " + row + ")");
            _run.Refuse(row, requestId, problem.Message);
            _sink.Problem(problem);
        }

        /// <summary>Sends a row the batch admitted, or, checking only, shows what would be sent.</summary>
        private void Send(BatchRow ready)
        {
            if (_options.CheckOnly || !_sink.MaySend(ready) || _batch == null)
            {
                Summary.Add(RowOutcome.Checked, ready.RequestId);
                _sink.Checked(ready, declined: !_options.CheckOnly);
                return;
            }

            while (!_batch.TryStart(ready, TimeSpan.FromMilliseconds(50)))
            {
                Drain();
            }
        }

        /// <summary>Counts and writes the rows that came back, then progress.</summary>
        private void Drain()
        {
            while (_batch != null && _batch.Results.TryDequeue(out var done))
            {
                var outcome = _run.Count(done);
                if (done.Payout != null)
                {
                    if (outcome != RowOutcome.Created)
                    {
                        _sink.Verbose($"requestId {done.Row.RequestId} already existed as payout {done.Payout.PayoutId} ({outcome}); nothing was paid again.");
                    }

                    _sink.Paid(done.Row, done.Payout);
                }
                else if (outcome == RowOutcome.NotSent)
                {
                    _sink.Verbose($"{_sink.RowLabel(done.Row.Row, done.Row.RequestId)} was not sent: the run stopped first.");
                }
                else if (done.Error is PayoutApiException api)
                {
                    _sink.Problem(new BatchProblem(BatchProblemKind.Service, api, _sink.RowLabel(done.Row.Row, done.Row.RequestId), done.Row.RequestId));
                }
                else
                {
                    // The journal cannot be written (disk full, file gone or replaced): sending more would pay without memory.
                    _batch.StopStarting();
                    var message = $"{_sink.RowLabel(done.Row.Row, done.Row.RequestId)}: {done.Error!.Message} The batch stops; rerun it with the same -Journal once the cause is fixed.";
                    Summary.CouldNotGoOn(PayoutBatchSummary.ExitConfiguration, message, NotTried);
                    throw new BatchAbortedException(message, done.Error, _run.Journal?.Path);
                }
            }

            _sink.Progress(Summary, _batch?.InFlight ?? 0);
        }

        /// <summary>
        /// After the last row: the duplicate guard lists again what was created meanwhile, and each row another run paid
        /// too is an error (exit code 1). A list that cannot be read leaves that unknown, and says so.
        /// </summary>
        private void CheckForDoublePayments()
        {
            try
            {
                var doubles = _run.CheckForDoublePayments();
                if (Summary.FinalCheckDuration is TimeSpan took)
                {
                    _sink.Verbose($"Duplicate guard: the final check took {took.TotalMilliseconds:0} ms and found {doubles.Count} row(s) paid by another run too.");
                }

                foreach (var found in doubles)
                {
                    _sink.Problem(new BatchProblem(BatchProblemKind.PaidTwice, new InvalidOperationException(found), null, null));
                }
            }
            catch (PayoutApiException ex)
            {
                _sink.Warning($"The duplicate guard's final check could not list the payouts created during this run ({ex.Message}), so whether another run paid a row of it too is unknown. " +
                              "Get-PayoutBatch -Journal <file> -Summary checks the journal's own rows; use -BatchId so concurrent runs cannot pay a row twice.");
            }
        }

        /// <summary>Names the rows an earlier run recorded, unpaid, that this input never reached: a subset or edited file cannot pass for the whole batch.</summary>
        private void ReportNotReached()
        {
            var missing = _run.NotReached();
            if (missing.Count > 0)
            {
                var first = string.Join(", ", missing.Take(5).Select(m => $"row {m.Row} (RequestId {m.RequestId})"));
                _sink.Warning($"{missing.Count} row(s) that an earlier run of journal {_run.Journal!.Path} recorded, and that are not paid, were not in this input: {first}" +
                              (missing.Count > 5 ? ", …" : string.Empty) + ". Run the whole original file again to settle them; Get-PayoutBatch lists every row.");
            }
        }
    }
}
