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
    /// policy). Each row's intent is in the journal before its request leaves; up to 3N more rows write their
    /// intents ahead while they wait for a request slot, so the journal's flush is off the requests' path and
    /// one flush covers many rows. Results queue up for the caller to write from its own thread (PowerShell's
    /// Write* calls must come from the pipeline thread). Memory is flat: at most 4N rows are held at a time.
    /// </summary>
    public sealed class PayoutBatch : IDisposable
    {
        /// <summary>
        /// Rows held with a journal, per request slot: one in flight, three waiting with their intents on disk. The
        /// pipeline refills a quarter of them at a time (<see cref="SendSlots"/>), N rows whose intents share a few
        /// flushes, while 2N still wait for a slot, so the requests never run dry between bursts. Against 2N this gave
        /// a piped batch 114 % of its rate (fewer flushes and wake-ups a row; bench/README.md); 8N gave no more.
        /// </summary>
        private const int HeldPerSlot = 4;

        private readonly PayoutClient _client;
        private readonly BatchJournal? _journal;
        private readonly IPayoutLog _log;
        private readonly SendSlots _admitted;
        private readonly CancellationTokenSource _noMoreAttempts = new CancellationTokenSource();
        private readonly RequestSlots _requests;
        private readonly CancellationToken _abort;
        private readonly ConcurrentDictionary<string, BatchRow> _inFlight = new ConcurrentDictionary<string, BatchRow>(StringComparer.Ordinal);

        public PayoutBatch(PayoutClient client, BatchJournal? journal, int throttleLimit, IPayoutLog log, CancellationToken abort)
        {
            _client = client;
            _journal = journal;
            _log = log;
            var limit = Math.Max(1, throttleLimit);

            // Rows held: in flight, or (with a journal) waiting for a request slot with their intent written.
            _admitted = new SendSlots(journal != null && limit > 1 ? HeldPerSlot * limit : limit); // one at a time keeps input order
            _requests = new RequestSlots(limit, _noMoreAttempts.Token);
            _abort = abort;
        }

        /// <summary>The duplicate window: a derived RequestId found on a payout older than this was an earlier run's (see <see cref="MadeByAnEarlierRun"/>); null to trust every answer.</summary>
        public TimeSpan? FreshWithin { get; set; }

        /// <summary>Finished rows, in the order they finished.</summary>
        public ConcurrentQueue<BatchResult> Results { get; } = new ConcurrentQueue<BatchResult>();

        /// <summary>Requests out right now.</summary>
        public int InFlight => _inFlight.Count;

        /// <summary>The rows whose requests are out right now (for the Ctrl+C report).</summary>
        public System.Collections.Generic.ICollection<BatchRow> InFlightRows => _inFlight.Values;

        /// <summary>Starts <paramref name="row"/> if a slot frees up within <paramref name="wait"/>; false otherwise (drain results, then try again).</summary>
        public bool TryStart(BatchRow row, TimeSpan wait)
        {
            if (!_admitted.TryTake(wait))
            {
                return false;
            }

            _ = Task.Run(() => SendAsync(row));
            return true;
        }

        /// <summary>Ctrl+C: attempts under way may finish (or time out); no new attempt or row starts.</summary>
        public void StopStarting() => _noMoreAttempts.Cancel();

        public bool IsStopping => _noMoreAttempts.IsCancellationRequested;

        /// <summary>Waits up to <paramref name="wait"/> for every row in flight to finish.</summary>
        public bool WaitIdle(TimeSpan wait) => _admitted.WaitAllFree(wait);

        private static string Key(BatchRow row) => row.RequestId + "#" + row.Row;

        private async Task SendAsync(BatchRow row)
        {
            PayoutRecord? payout = null;
            Exception? error = null;
            var notSent = false;
            var sending = false;
            try
            {
                if (_journal != null && !row.MayAlreadyExist)
                {
                    await _journal.RecordIntentAsync(row.Row, row.RequestId, row.ContentHash, row.Amount, row.Currency, row.Payee, row.GuardKey).ConfigureAwait(false);
                }

                if (!await TakeRequestSlotAsync().ConfigureAwait(false))
                {
                    // Stopped before its request left: nothing was sent. A rerun looks it up first all the same.
                    notSent = true;
                    TryRecord(() => _journal?.RecordFailure(row.Row, row.RequestId, RowOutcome.NotSent, "The run stopped before this row's request left; nothing was sent.", null));
                    return;
                }

                _inFlight[Key(row)] = row;
                try
                {
                    _journal?.RecordSent(row.RequestId);
                    sending = true;
                    payout = await _client.CreatePayoutAsync(row.Request, row.Fields, row.MayAlreadyExist, _log, _abort, _noMoreAttempts.Token).ConfigureAwait(false);
                    if (MadeByAnEarlierRun(row, payout) is PayoutApiException earlier)
                    {
                        payout = null;
                        throw earlier;
                    }

                    _journal?.RecordPaid(row.Row, payout);
                }
                finally
                {
                    _inFlight.TryRemove(Key(row), out _);
                    _requests.Release();
                }
            }
            catch (PayoutApiException ex)
            {
                error = ex;
                TryRecord(() => _journal?.RecordFailure(row.Row, row.RequestId, RowOutcomes.Of(ex.Kind), ex.Message, ex.RespCode, ex.Kind.ToString()));
            }
            catch (OperationCanceledException)
            {
                // Aborted mid-request: the request may have arrived. The journal keeps its intent, so a rerun looks it up.
                error = new PayoutApiException(PayoutErrorKind.InDoubt,
                    $"requestId {row.RequestId} is in doubt: the run was aborted while its request was out. Check it with Get-PayoutStatus -RequestId {row.RequestId}, or rerun the batch.",
                    requestId: row.RequestId);
            }
            catch (Exception ex) when (sending && !(ex is JournalException))
            {
                // Anything unexpected once the request may have left: this row is in doubt (a rerun looks it up); the batch goes on.
                error = new PayoutApiException(PayoutErrorKind.InDoubt,
                    $"requestId {row.RequestId} is in doubt: reading the service's answer failed ({ex.GetType().Name}: {ex.Message}). Check it with Get-PayoutStatus -RequestId {row.RequestId}, or rerun the batch.",
                    requestId: row.RequestId);
                TryRecord(() => _journal?.RecordFailure(row.Row, row.RequestId, RowOutcome.InDoubt, error.Message, null, "Unexpected"));
            }
            catch (Exception ex)
            {
                // A journal that cannot be written: reported for this row, never swallowed, and the batch stops.
                error = ex;
            }
            finally
            {
                Results.Enqueue(new BatchResult(row, payout, error, notSent));
                _admitted.Release();
            }
        }

        /// <summary>
        /// A row whose derived RequestId the service already held, the journal not knowing it, for a payout created before
        /// <see cref="FreshWithin"/> (by the service's clock): not this batch's payout but an earlier pay run's under the
        /// same BatchId (next month's file with this month's name). Paying nothing and calling it paid is the silent
        /// failure; the row is held instead, naming that payout.
        /// </summary>
        private PayoutApiException? MadeByAnEarlierRun(BatchRow row, PayoutRecord payout)
        {
            if (FreshWithin == null || !row.DerivedId || row.MayAlreadyExist || payout.Outcome == PayoutOutcome.Created
                || !(Account.Money.Time(payout.CreateTime) is DateTime created))
            {
                return null;
            }

            var since = (_client.Transport.ServiceClock.UtcNow ?? DateTime.UtcNow) - FreshWithin.Value;
            if (created >= since)
            {
                return null;
            }

            return new PayoutApiException(PayoutErrorKind.EarlierPayout,
                $"its RequestId {row.RequestId}, derived from the BatchId and the row, already belongs to payout {payout.PayoutId} " +
                $"({payout.SourceAmount} {payout.SourceCurrency}, created {payout.CreateTime} UTC), older than the {FreshWithin.Value.TotalHours:0.#}-hour duplicate window: " +
                "an earlier pay run used the same BatchId. Nothing was sent, and this row is not counted as paid. Give each pay run its own -BatchId (such as payroll-2026-12).",
                requestId: row.RequestId);
        }

        /// <summary>Waits for one of the N request slots; false once the run is stopping (the row must not leave).</summary>
        private async Task<bool> TakeRequestSlotAsync()
        {
            if (!await _requests.TakeAsync().ConfigureAwait(false))
            {
                return false;
            }

            if (_noMoreAttempts.IsCancellationRequested)
            {
                _requests.Release(); // given just as the run stopped
                return false;
            }

            return true;
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
            _requests.Dispose();
            _noMoreAttempts.Dispose();
        }
    }
}
