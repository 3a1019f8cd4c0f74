using System;
using System.Collections.Generic;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The batch's rules, in one place for New-Payout (and its tests): opening the journal, keying rows, the
    /// admission decision for each row (send, already paid, repeated, refused, held by the duplicate guard),
    /// and counting outcomes into the summary Get-PayoutBatch also uses. Holds no PowerShell and no network code.
    /// Not thread-safe: one caller thread admits rows and counts results.
    /// </summary>
    public sealed class BatchRun : IDisposable
    {
        private readonly BatchRunOptions _options;
        private readonly Dictionary<string, JournalEntry> _seen = new Dictionary<string, JournalEntry>(StringComparer.Ordinal); // without a journal
        private readonly Dictionary<ContentKey, (int FirstRow, int Count)> _unkeyedContent;
        private readonly EarlierRuns _earlier;
        private readonly DuplicateGuard _guard;
        private int _randomIds;

        private BatchRun(BatchRunOptions options, BatchJournal? journal)
        {
            _options = options;
            _unkeyedContent = new Dictionary<ContentKey, (int, int)>(options.Ids == RequestIdSource.Required ? 0 : Math.Max(0, options.ExpectedRows));
            Journal = journal;
            _earlier = new EarlierRuns(journal);
            _guard = new DuplicateGuard(options, () => BatchHeader.SenderBatchId, requestId => Find(requestId) != null, _earlier);
            Summary.Journal = journal?.Path;
        }

        public BatchJournal? Journal { get; }

        /// <summary>The batch's header: the journal's (a resumed one keeps its own BatchId), else the run's.</summary>
        private JournalHeader BatchHeader => Journal?.Header ?? _options.Header;

        public PayoutBatchSummary Summary => _options.Summary;

        /// <summary>How many rows got a random RequestId (the caller must keep them).</summary>
        public int RandomIds => _randomIds;

        /// <summary>Opens the journal (when there is one) and checks that this merchant and service may continue it.</summary>
        public static BatchRun Open(BatchRunOptions options)
        {
            if (options.JournalPath == null)
            {
                return new BatchRun(options, null);
            }

            var journal = BatchJournal.Open(options.JournalPath, options.Header, options.ExpectedRows);
            var mismatch = journal.Header.Mismatch(options.Header);
            if (mismatch != null)
            {
                journal.Dispose();
                throw new JournalException($"Journal {journal.Path} cannot continue here: {mismatch}. Nothing was sent. Connect as that merchant, or use a new journal file.");
            }

            return new BatchRun(options, journal);
        }

        /// <summary>Why the input may not be the one the journal started with; null when nothing suggests so.</summary>
        public string? InputChanged() =>
            Journal != null && Journal.IsResumed && _options.Header.InputHash != null && Journal.Header.InputHash != null && Journal.Header.InputHash != _options.Header.InputHash
                ? $"{_options.Header.InputFile} has changed since this journal started (its hash differs): paid rows are not sent again, a row whose content changed is refused, " +
                  "and a row that looks like an edited paid row is held."
                : null;

        /// <summary>
        /// Keys a checked row (a RequestId for a row without one) and decides what to do with it. Throws
        /// <see cref="PayoutRequestException"/> when the row has no RequestId and none may be made.
        /// </summary>
        /// <param name="fields">The row's fields as checked; with <paramref name="hasOwnId"/> false, under any placeholder requestId.</param>
        public Admission Admit(int row, RemittanceRequest remittance, IReadOnlyList<RequestField> fields, bool hasOwnId)
        {
            var hash = RequestFingerprint.Of(fields);
            var content = ContentKey.Parse(hash);
            var occurrence = 1;
            var firstRow = row;
            (int FirstRow, int Count) seen = default;
            if (!hasOwnId)
            {
                _unkeyedContent.TryGetValue(content, out seen);
                occurrence = seen.Count + 1;
                firstRow = seen.Count == 0 ? row : seen.FirstRow;
                _unkeyedContent[content] = (firstRow, occurrence);
                remittance.RequestId = NewRequestId(hash, occurrence, row);
                fields = RequestFields.With(fields, "requestId", remittance.RequestId); // the content hash leaves the requestId out
            }

            var requestId = remittance.RequestId;
            var earlier = Find(requestId);
            if (earlier == null)
            {
                var fresh = new BatchRow(row, remittance, fields, hash, BatchRow.Describe(remittance), mayAlreadyExist: false, derivedId: !hasOwnId);
                Admission guarded;
                try
                {
                    guarded = _guard.Admit(fresh, hasOwnId, occurrence, firstRow);
                }
                catch (PayoutApiException)
                {
                    // The guard could not list the service's payouts: this row is not sent, and leaves no trace that a
                    // later identical row would take for it (a "repeat" of a row never sent, or a second occurrence).
                    if (!hasOwnId)
                    {
                        Forget(content, seen);
                    }

                    throw;
                }

                Reserve(requestId, content, row);
                return guarded;
            }

            var known = new BatchRow(row, remittance, fields, hash, BatchRow.Describe(remittance), mayAlreadyExist: Journal != null, derivedId: !hasOwnId);
            if (earlier.Content != content)
            {
                return earlier.FromEarlierRun
                    ? Admission.Refused(known, AdmissionReason.ChangedSinceJournal,
                        $"this row differs from what journal {Journal!.Path} recorded for RequestId {requestId} (row {earlier.Row} of an earlier run); nothing was sent. " +
                        "If the payout really changed, give it a new RequestId.")
                    : Admission.Refused(known, AdmissionReason.RequestIdReused,
                        $"RequestId {requestId} was already used in this run ({Where(earlier.Row)}) for a different payout; nothing was sent for this row. Give each payout its own RequestId.");
            }

            if (!earlier.FromEarlierRun || earlier.Reached)
            {
                return Admission.Repeated(known, $"this row repeats RequestId {requestId} of {Where(earlier.Row)} with the same content: it is the same payout, sent once and counted once.");
            }

            if (!hasOwnId && _earlier.IsPartlyPaid(content, hash, occurrence, earlier))
            {
                _earlier.DeferIdentical(known, earlier, content);
                return Admission.Deferred(known, AdmissionReason.AmbiguousOccurrence);
            }

            _earlier.Reach(earlier);
            return earlier.IsPaid ? Admission.AlreadyPaid(known, Journal!.ReadPaid(earlier)) : Admission.Send(known);
        }

        /// <summary>
        /// Once the input has ended: identical rows the journal recorded partly paid are placed, and each row deferred as
        /// a possible edit is held or sent (see <see cref="EarlierRuns.Resolve"/>).
        /// </summary>
        public IReadOnlyList<Admission> ResolveDeferred() => _earlier.Resolve(content => _unkeyedContent[content].Count);

        /// <summary>Counts how one admitted row ended; paid rows add their amount and fee to their currency's total.</summary>
        public RowOutcome Count(BatchResult result)
        {
            RowOutcome outcome;
            if (result.NotSent)
            {
                outcome = RowOutcome.NotSent;
            }
            else if (result.Payout != null)
            {
                outcome = RowOutcomes.Of(result.Payout.Outcome);
            }
            else
            {
                outcome = result.Error is PayoutApiException api ? RowOutcomes.Of(api.Kind) : RowOutcome.Unavailable;
            }

            Summary.Add(outcome, result.Row.RequestId, result.Payout?.SourceAmount, result.Payout?.SourceCurrency, result.Payout?.Fee, result.Payout?.Status);
            if (result.Payout != null && RowOutcomes.IsPaid(outcome))
            {
                _guard.Paid(result.Row, result.Payout.PayoutId);
            }

            return outcome;
        }

        /// <summary>
        /// After the last row, when the guard listed the service's payouts: lists what was created since and names each
        /// payout another run made that pays a row this run paid (see <see cref="DoublePaymentSweep"/>); each is counted
        /// in the summary (exit code 1). Throws <see cref="PayoutApiException"/> when the list cannot be read.
        /// </summary>
        public IReadOnlyList<string> CheckForDoublePayments()
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var doubles = _guard.CheckForDoublePayments();
            if (doubles == null)
            {
                return Array.Empty<string>();
            }

            Summary.FinalCheckDuration = watch.Elapsed;
            foreach (var found in doubles)
            {
                Summary.AddPaidTwice(found);
            }

            return doubles;
        }

        /// <summary>
        /// Once a run stopped (Ctrl+C, a terminating error, a journal failure) and its requests were given their time:
        /// rows that finished since are counted as what they became (paid, refused, not sent, in doubt), and rows still
        /// out are in doubt, so the summary's counts, its RequestIds in doubt and its exit code are whole. Nothing is
        /// written anywhere else: the caller's output is closed by then.
        /// </summary>
        public void CountAfterStop(PayoutBatch batch)
        {
            while (batch.Results.TryDequeue(out var done))
            {
                Count(done);
            }

            foreach (var row in batch.InFlightRows)
            {
                Summary.Add(RowOutcome.InDoubt, row.RequestId);
            }
        }

        /// <summary>A row refused before sending (unreadable, its RequestId reused, changed since the journal): counted, and recorded for the report.</summary>
        public void Refuse(int row, string? requestId, string message) => NotSent(RowOutcome.Invalid, row, requestId, message);

        /// <summary>A row held back (it looks like a payout already made): never sent, counted as refused, recorded as held.</summary>
        public void Hold(Admission held, string message) => NotSent(RowOutcome.Held, held.Row.Row, held.RequestId, message);

        private void NotSent(RowOutcome outcome, int row, string? requestId, string message)
        {
            Summary.Add(outcome, requestId);
            if (row > 0)
            {
                Journal?.RecordInvalid(row, requestId, message, outcome); // a row given on the command line has no place in a file's journal
            }
        }

        /// <summary>Rows an earlier run of the journal recorded, not paid, that this input never reached (in row order): each counted in the summary.</summary>
        public IReadOnlyList<(int Row, string RequestId)> NotReached()
        {
            var missing = _earlier.NotReached();
            foreach (var row in missing)
            {
                Summary.AddNotReached(row.RequestId);
            }

            return missing;
        }

        public void Dispose() => Journal?.Dispose();

        /// <summary>Takes back the count of an unkeyed row's content that was not admitted after all.</summary>
        private void Forget(ContentKey content, (int FirstRow, int Count) before)
        {
            if (before.Count == 0)
            {
                _unkeyedContent.Remove(content);
            }
            else
            {
                _unkeyedContent[content] = before;
            }
        }



        private JournalEntry? Find(string requestId) =>
            Journal != null ? Journal.Find(requestId) : _seen.TryGetValue(requestId, out var seen) ? seen : null;

        private void Reserve(string requestId, ContentKey content, int row)
        {
            if (Journal != null)
            {
                Journal.Reserve(requestId, content, row);
            }
            else
            {
                _seen[requestId] = new JournalEntry(content, row, fromEarlierRun: false);
            }
        }

        private string NewRequestId(string contentHash, int occurrence, int row)
        {
            switch (_options.Ids)
            {
                case RequestIdSource.Derived:
                    return GeneratedRequestIds.Derive(BatchHeader.RequestIdSeed, contentHash, occurrence);
                case RequestIdSource.Placeholder:
                    return "unsent-" + row.ToString(System.Globalization.CultureInfo.InvariantCulture); // checking only: the run that sends keys the row
                case RequestIdSource.Random:
                    _randomIds++;
                    return Guid.NewGuid().ToString("N");
                default:
                    throw new PayoutRequestException(
                        "RequestId is missing. It is the payout's idempotency key: without it, a rerun after a crash would pay again. " +
                        "Add a RequestId column, or name the pay run with -BatchId <name> (ids are derived from it, the same on every machine), or run with -Journal <file> (ids are derived and remembered), " +
                        "or -GenerateRequestId (random ids you must keep).", "RequestId");
            }
        }

        internal static string Where(int row) => row == 0 ? "an earlier payout" : $"row {row}";
    }
}
