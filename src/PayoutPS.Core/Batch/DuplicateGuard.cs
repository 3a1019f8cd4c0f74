using System;
using System.Collections.Generic;
using PayoutPS.Core.Api;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The duplicate guard of a <see cref="BatchRun"/>: rows without a RequestId of their own (and, with -DuplicateWindow,
    /// every row) are compared with the payouts the service made within the window, listed once per run; after the
    /// last row, what was created since is listed again to find another run's double payment of a row this run paid
    /// (<see cref="DoublePaymentSweep"/>). Not thread-safe.
    /// </summary>
    internal sealed class DuplicateGuard
    {
        private readonly BatchRunOptions _options;
        private readonly Func<string?> _senderBatchId;
        private readonly Func<string, bool> _known;
        private readonly EarlierRuns _earlier;
        private RecentPayouts? _recent;
        private PayoutApiException? _listingFailed;
        private DoublePaymentSweep? _sweep;

        /// <param name="senderBatchId">The batch's -BatchId (the journal's, once it is open), or null.</param>
        /// <param name="known">Whether this journal or run already holds a requestId: the service's payouts under it are this batch's.</param>
        public DuplicateGuard(BatchRunOptions options, Func<string?> senderBatchId, Func<string, bool> known, EarlierRuns earlier)
        {
            _options = options;
            _senderBatchId = senderBatchId;
            _known = known;
            _earlier = earlier;
        }

        /// <summary>
        /// What the guard says of a row about to be sent: send it, hold it (a second identical row without RequestIds, or a payout
        /// the service made that the journal does not know), or defer it (it looks like an edited paid row). Throws
        /// <see cref="PayoutApiException"/> when the service's payouts cannot be listed.
        /// </summary>
        public Admission Admit(BatchRow row, bool hasOwnId, int occurrence, int firstRow)
        {
            if (_options.AllowDuplicate || (hasOwnId && _options.DuplicateWindow == null))
            {
                return Admission.Send(row);
            }

            if (!hasOwnId)
            {
                // Journaled: two paid rows of one key and no RequestIds of their own are a double payment (Get-PayoutBatch names them).
                row.GuardKey = RecentPayouts.KeyOf(row.Request);
            }

            if (!hasOwnId && occurrence > 1)
            {
                return Admission.Held(row, AdmissionReason.DuplicateInInput,
                    $"it has the same payee, amounts, currencies and reference as {BatchRun.Where(firstRow)}, and neither has a RequestId. Nothing was sent for this row. " +
                    "If both payouts are meant, give each a RequestId (or a different Reference), or run with -AllowDuplicate.");
            }

            var recent = Recent();
            var match = recent?.Claim(row.Request, row.GuardKey); // the key the row was given above, not hashed again
            if (match != null)
            {
                return Admission.Held(row, AdmissionReason.DuplicateAtService,
                    $"it matches {match}, which the service made within the last {Window().TotalHours:0.#} hours and this journal does not know " +
                    "(was this file paid with another or a lost journal?). Nothing was sent. Check that payout; if this one is meant too, run again with -AllowDuplicate.");
            }

            if (_earlier.DeferIfEdited(row))
            {
                return Admission.Deferred(row, AdmissionReason.DuplicateInJournal);
            }

            return Admission.Send(row);
        }

        /// <summary>
        /// The service's recent payouts, listed once per run. A listing that failed is not tried again for every
        /// guarded row (each would page the whole window): its error ends each of them, unsent.
        /// </summary>
        private RecentPayouts? Recent()
        {
            if (_listingFailed != null)
            {
                throw new PayoutApiException(_listingFailed.Kind, _listingFailed.Message, _listingFailed.RespCode, _listingFailed.RespMsg, _listingFailed.HttpStatus);
            }

            if (_recent == null && _options.LoadRecentPayouts != null)
            {
                try
                {
                    _recent = _options.LoadRecentPayouts(Window(), _known);
                    _sweep = NamedBatchGuardsItself() ? null : new DoublePaymentSweep(_recent, _options.ExpectedRows);
                }
                catch (PayoutApiException ex)
                {
                    _listingFailed = ex;
                    throw;
                }
            }

            return _recent;
        }

        /// <summary>
        /// With -BatchId, and no -DuplicateWindow that would guard rows with their own RequestIds too, every guarded row
        /// has a RequestId that any concurrent run of the batch derives alike, so the service itself pays it once: the
        /// final check (<see cref="DoublePaymentSweep"/>) has nothing left to catch, and is not run.
        /// </summary>
        private bool NamedBatchGuardsItself() => _senderBatchId() != null && _options.DuplicateWindow == null;

        /// <summary>A row this run paid, for the final check.</summary>
        public void Paid(BatchRow row, string? payoutId)
        {
            if (_sweep != null && payoutId != null)
            {
                _sweep.Paid(row, payoutId);
            }
        }

        /// <summary>The final check's findings; null when there is none to make (nothing was listed, or the BatchId makes it needless).</summary>
        public IReadOnlyList<string>? CheckForDoublePayments() =>
            _sweep == null || _options.LoadRecentPayouts == null ? null : _sweep.Check(_options.LoadRecentPayouts, _known);

        private TimeSpan Window() => _options.DuplicateWindow ?? RecentPayouts.DefaultWindow;
    }
}
