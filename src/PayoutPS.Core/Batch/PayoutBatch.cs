using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Sends checked rows with at most N requests in flight, sharing one client (one HttpClient, one retry
    /// policy). Each row's intent is in the journal before its request leaves. Results queue up for the caller
    /// to write from its own thread (PowerShell's Write* calls must come from the pipeline thread). Memory is
    /// flat: a row is held only while it is in flight.
    /// </summary>
    public sealed class PayoutBatch : IDisposable
    {
        private readonly PayoutClient _client;
        private readonly BatchJournal? _journal;
        private readonly IPayoutLog _log;
        private readonly SendSlots _slots;
        private readonly CancellationTokenSource _noMoreAttempts = new CancellationTokenSource();
        private readonly CancellationToken _abort;
        private readonly ConcurrentDictionary<string, BatchRow> _inFlight = new ConcurrentDictionary<string, BatchRow>(StringComparer.Ordinal);
        private readonly ManualResetEventSlim _idle = new ManualResetEventSlim(true);
        private int _running;

        public PayoutBatch(PayoutClient client, BatchJournal? journal, int throttleLimit, IPayoutLog log, CancellationToken abort)
        {
            _client = client;
            _journal = journal;
            _log = log;
            _slots = new SendSlots(throttleLimit);
            _abort = abort;
        }

        /// <summary>Finished rows, in the order they finished.</summary>
        public ConcurrentQueue<BatchResult> Results { get; } = new ConcurrentQueue<BatchResult>();

        public int InFlight => _inFlight.Count;

        /// <summary>The rows whose requests are out right now (for the Ctrl+C report).</summary>
        public System.Collections.Generic.ICollection<BatchRow> InFlightRows => _inFlight.Values;

        /// <summary>Starts <paramref name="row"/> if a slot frees up within <paramref name="wait"/>; false otherwise (drain results, then try again).</summary>
        public bool TryStart(BatchRow row, TimeSpan wait)
        {
            if (!_slots.TryTake(wait))
            {
                return false;
            }

            _inFlight[Key(row)] = row;
            Interlocked.Increment(ref _running);
            _idle.Reset();
            _ = Task.Run(() => SendAsync(row));
            return true;
        }

        /// <summary>Ctrl+C: attempts under way may finish (or time out); no new attempt or row starts.</summary>
        public void StopStarting() => _noMoreAttempts.Cancel();

        public bool IsStopping => _noMoreAttempts.IsCancellationRequested;

        /// <summary>Waits up to <paramref name="wait"/> for every row in flight to finish.</summary>
        public bool WaitIdle(TimeSpan wait) => Volatile.Read(ref _running) == 0 || _idle.Wait(wait);

        private static string Key(BatchRow row) => row.RequestId + "#" + row.Row;

        private async Task SendAsync(BatchRow row)
        {
            PayoutRecord? payout = null;
            Exception? error = null;
            try
            {
                if (_journal != null && !row.MayAlreadyExist)
                {
                    await _journal.RecordIntentAsync(row.Row, row.RequestId, row.ContentHash, row.Amount, row.Currency, row.Payee).ConfigureAwait(false);
                }

                _journal?.RecordSent(row.RequestId);
                payout = await _client.CreatePayoutAsync(row.Request, row.Fields, row.MayAlreadyExist, _log, _abort, _noMoreAttempts.Token).ConfigureAwait(false);
                _journal?.RecordPaid(row.Row, payout);
            }
            catch (PayoutApiException ex)
            {
                error = ex;
                TryRecord(() => _journal?.RecordFailure(row.Row, row.RequestId, ex.Kind == PayoutErrorKind.InDoubt ? "InDoubt" : ex.Kind.ToString(), ex.Message, ex.RespCode));
            }
            catch (OperationCanceledException)
            {
                // Aborted mid-request: the request may have arrived. The journal keeps its intent, so a rerun looks it up.
                error = new PayoutApiException(PayoutErrorKind.InDoubt,
                    $"requestId {row.RequestId} is in doubt: the run was aborted while its request was out. Check it with Get-PayoutStatus -RequestId {row.RequestId}, or rerun the batch.",
                    requestId: row.RequestId);
            }
            catch (Exception ex)
            {
                // A journal that cannot be written, or anything unexpected: reported for this row, never swallowed.
                error = ex;
            }
            finally
            {
                Results.Enqueue(new BatchResult(row, payout, error));
                _inFlight.TryRemove(Key(row), out _);
                _slots.Release();
                if (Interlocked.Decrement(ref _running) == 0)
                {
                    _idle.Set();
                }
            }
        }

        private static void TryRecord(Action record)
        {
            try
            {
                record();
            }
            catch (JournalException)
            {
                // The failure is already this row's result; a journal that cannot take it stops the batch at the next intent.
            }
        }

        public void Dispose()
        {
            _noMoreAttempts.Dispose();
            _idle.Dispose();
        }
    }
}
