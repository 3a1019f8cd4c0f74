using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PayoutPS.Core.Api;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Batch
{
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
        private readonly RowIntake _intake;
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
            _intake = new RowIntake(run, sink, _options.CheckRow);
        }

        /// <summary>
        /// Opens the batch (its journal, when there is one: throws <see cref="JournalException"/> or an IO error when it
        /// cannot be used) and, with a client, the sending side; says when a journal is resumed or its input changed.
        /// </summary>
        /// <param name="client">Null while only checking rows (-ValidateOnly, -WhatIf): nothing is sent, nothing written.</param>
        public static BatchRunner Open(BatchRunOptions run, BatchRunnerOptions options, IBatchSink sink, PayoutClient? client, int throttleLimit, IPayoutLog log)
        {
            var batchRun = BatchRun.Open(run);
            if (batchRun.Journal?.IsResumed == true)
            {
                sink.Verbose($"Resuming batch {batchRun.Journal.Header.BatchId} from {batchRun.Journal.Path}.");
            }

            if (batchRun.InputChanged() is string changed)
            {
                sink.Warning(changed);
            }

            var batch = client == null ? null : new PayoutBatch(client, batchRun.Journal, throttleLimit, log, System.Threading.CancellationToken.None)
            {
                FreshWithin = run.DuplicateWindow ?? RecentPayouts.DefaultWindow,
            };
            return new BatchRunner(batchRun, batch, sink, options);
        }

        public PayoutBatchSummary Summary => _run.Summary;

        /// <summary>The warning a run that gave rows random RequestIds ends with (the caller must keep them); null when it gave none.</summary>
        public string? RandomIdsWarning => _run.RandomIds == 0 ? null
            : $"{_run.RandomIds} payout(s) had no RequestId, so a random one was generated (see RequestId in the output). " +
              "Keep those ids: sending the same payout again without its RequestId would pay it again. -Journal derives ids a rerun finds.";

        /// <summary>A piped row that repeated the header: the run ends with it (exit 2) once the rows before it finished.</summary>
        public BatchProblem? HeaderRow => _intake.HeaderRow;

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

            if (_intake.TryAdmit(row, read, writtenRequestId) is BatchRow ready)
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
                if (_intake.Act(decided) is BatchRow ready && _batch?.IsStopping != true)
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
        /// Ctrl+C or SIGTERM, from any thread: no new row or attempt starts; requests already out may finish or time out
        /// (<see cref="Finish"/> or <see cref="Dispose"/> waits for them and counts them). With <paramref name="nameInFlight"/>
        /// (the caller's output is closed, and the sink writes to the host), each request out is named as in doubt until its answer comes.
        /// </summary>
        public void Stop(string reason, bool nameInFlight)
        {
            Summary.StopEarly(reason, NotTried);
            _batch?.StopStarting();
            foreach (var row in nameInFlight ? _batch?.InFlightRows.ToList() ?? new List<BatchRow>() : new List<BatchRow>())
            {
                _sink.Warning($"Stopped while requestId {row.RequestId} was in flight: it is in doubt (it may have been paid) until its answer comes.");
            }
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
