using System;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Redaction;
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
        private readonly List<BatchRow> _deferred = new List<BatchRow>();
        private readonly Dictionary<ContentKey, int> _partlyPaid = new Dictionary<ContentKey, int>(); // content → identical rows the journal recorded, some paid and some not
        private readonly List<(BatchRow Row, JournalEntry Entry, ContentKey Content)> _unmapped = new List<(BatchRow, JournalEntry, ContentKey)>();
        private Dictionary<ulong, int>? _unreachedPaidByPayee;
        private RecentPayouts? _recent;
        private PayoutApiException? _listingFailed;
        private DoublePaymentSweep? _sweep;
        private int _randomIds;

        private BatchRun(BatchRunOptions options, BatchJournal? journal)
        {
            _options = options;
            _unkeyedContent = new Dictionary<ContentKey, (int, int)>(options.Ids == RequestIdSource.Required ? 0 : Math.Max(0, options.ExpectedRows));
            Journal = journal;
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

        /// <summary>The payee for people and for the journal: name and masked account, or the beneficiary id.</summary>
        public static string Describe(RemittanceRequest request) => request.Payee == null
            ? $"payee {request.BeneficiaryId}"
            : $"{request.Payee.DisplayName} {Redactor.MaskAccount(request.Payee.AccountNumber)}";

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
                var fresh = new BatchRow(row, remittance, fields, hash, Describe(remittance), mayAlreadyExist: false, derivedId: !hasOwnId);
                Admission guarded;
                try
                {
                    guarded = Guard(fresh, hasOwnId, occurrence, firstRow);
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

            var known = new BatchRow(row, remittance, fields, hash, Describe(remittance), mayAlreadyExist: Journal != null, derivedId: !hasOwnId);
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

            if (!hasOwnId && IsPartlyPaid(content, hash, occurrence, earlier))
            {
                _unmapped.Add((known, earlier, content));
                return Admission.Deferred(known, AdmissionReason.AmbiguousOccurrence);
            }

            Reach(earlier);
            return earlier.IsPaid ? Admission.AlreadyPaid(known, Journal!.ReadPaid(earlier)) : Admission.Send(known);
        }

        /// <summary>
        /// Whether identical rows of this content were recorded by an earlier run partly paid. Asked at the content's
        /// first row, whose own entry is <paramref name="first"/>: the journal is probed by the ids the next occurrences
        /// would have, so no index of every content is kept.
        /// </summary>
        private bool IsPartlyPaid(ContentKey content, string hash, int occurrence, JournalEntry first)
        {
            if (occurrence > 1 || Journal == null)
            {
                return _partlyPaid.ContainsKey(content);
            }

            var recorded = 1;
            var paid = first.IsPaid ? 1 : 0;
            for (var next = 2; ; next++)
            {
                var entry = Journal.Find(GeneratedRequestIds.Derive(Journal.Header.RequestIdSeed, hash, next));
                if (entry == null || !entry.FromEarlierRun || entry.Content != content)
                {
                    break;
                }

                recorded++;
                paid += entry.IsPaid ? 1 : 0;
            }

            if (paid > 0 && paid < recorded)
            {
                _partlyPaid[content] = recorded;
            }

            return _partlyPaid.ContainsKey(content);
        }

        /// <summary>
        /// Once the input has ended: identical rows the journal recorded partly paid are placed (see
        /// <see cref="MapIdenticalRows"/>); then each row deferred as a possible edit is held if a paid journal row
        /// with its payee and currency was still not reached (the row was edited after it was paid), and sent otherwise.
        /// </summary>
        public IReadOnlyList<Admission> ResolveDeferred()
        {
            var decided = new List<Admission>(MapIdenticalRows());
            if (_deferred.Count == 0)
            {
                return decided;
            }

            // One pass over the journal: the paid rows this input never reached, by payee and currency.
            var unreached = new Dictionary<ulong, Queue<KeyValuePair<string, JournalEntry>>>();
            foreach (var entry in Journal!.Entries)
            {
                if (entry.Value.FromEarlierRun && entry.Value.IsPaid && !entry.Value.Reached)
                {
                    if (!unreached.TryGetValue(entry.Value.PayeeKey, out var queue))
                    {
                        unreached[entry.Value.PayeeKey] = queue = new Queue<KeyValuePair<string, JournalEntry>>();
                    }

                    queue.Enqueue(entry);
                }
            }

            foreach (var row in _deferred)
            {
                if (!unreached.TryGetValue(PayeeKeyOf(row), out var candidates) || candidates.Count == 0)
                {
                    decided.Add(Admission.Send(row));
                    continue;
                }

                var paid = candidates.Dequeue(); // each paid row holds at most one edited row
                Reach(paid.Value);
                var payout = Journal.ReadPaid(paid.Value);
                decided.Add(Admission.Held(row, AdmissionReason.DuplicateInJournal,
                    $"it pays {row.Payee} in {row.Currency} like row {paid.Value.Row} of an earlier run (RequestId {paid.Key}), which was paid as payout {payout.PayoutId} " +
                    $"({payout.SourceAmount} {payout.SourceCurrency}, created {payout.CreateTime} UTC) and is not in this input: the row looks edited after it was paid. Nothing was sent. " +
                    "If both payouts are meant, run again with -AllowDuplicate."));
            }

            _deferred.Clear();
            return decided;
        }

        /// <summary>
        /// Identical rows the journal recorded partly paid: with at least as many of them in the input as recorded
        /// (the whole file again, or more of it than an interrupted run reached), each is the recorded row of its
        /// occurrence, paid or to send; with fewer, which is which cannot be told, and they are held. This is how a
        /// rerun of only the unpaid one of two identical rows is kept from being called paid.
        /// </summary>
        private IEnumerable<Admission> MapIdenticalRows()
        {
            foreach (var (row, entry, content) in _unmapped)
            {
                var inInput = _unkeyedContent[content].Count;
                var recorded = _partlyPaid[content];
                if (inInput >= recorded)
                {
                    Reach(entry);
                    yield return entry.IsPaid ? Admission.AlreadyPaid(row, Journal!.ReadPaid(entry)) : Admission.Send(row);
                    continue;
                }

                yield return Admission.Held(row, AdmissionReason.AmbiguousOccurrence,
                    $"journal {Journal!.Path} recorded {recorded} identical rows like this one (no RequestId), some paid and some not, and this input has {inInput}: " +
                    "which of the recorded rows this one is cannot be told. Nothing was sent. Run the original file again as it was (identical rows are matched in order), " +
                    "or give the rows RequestIds; Get-PayoutBatch shows which were paid.");
            }

            _unmapped.Clear();
        }

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
            if (_sweep != null && result.Payout != null && RowOutcomes.IsPaid(outcome))
            {
                _sweep.Paid(result.Row, result.Payout.PayoutId);
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
            if (_sweep == null || _options.LoadRecentPayouts == null)
            {
                return Array.Empty<string>();
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var doubles = _sweep.Check(_options.LoadRecentPayouts, requestId => Find(requestId) != null);
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

        /// <summary>Rows an earlier run of the journal recorded, not paid, that this input never reached (in row order).</summary>
        public IReadOnlyList<(int Row, string RequestId)> NotReached()
        {
            if (Journal == null)
            {
                return Array.Empty<(int, string)>();
            }

            var missing = Journal.Entries.Where(e => e.Value.FromEarlierRun && !e.Value.Reached && !e.Value.IsPaid)
                .Select(e => (e.Value.Row, e.Key)).OrderBy(e => e.Row).ToList();
            foreach (var row in missing)
            {
                Summary.AddNotReached(row.Key);
            }

            return missing;
        }

        public void Dispose() => Journal?.Dispose();

        private Admission Guard(BatchRow row, bool hasOwnId, int occurrence, int firstRow)
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
                    $"it has the same payee, amounts, currencies and reference as {Where(firstRow)}, and neither has a RequestId. Nothing was sent for this row. " +
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

            if (UnreachedPaid(row) > 0)
            {
                _deferred.Add(row);
                return Admission.Deferred(row, AdmissionReason.DuplicateInJournal);
            }

            return Admission.Send(row);
        }

        private int UnreachedPaid(BatchRow row)
        {
            if (Journal == null || !Journal.IsResumed)
            {
                return 0;
            }

            if (_unreachedPaidByPayee == null)
            {
                _unreachedPaidByPayee = new Dictionary<ulong, int>();
                foreach (var entry in Journal.Entries)
                {
                    if (entry.Value.FromEarlierRun && entry.Value.IsPaid && !entry.Value.Reached)
                    {
                        _unreachedPaidByPayee.TryGetValue(entry.Value.PayeeKey, out var count);
                        _unreachedPaidByPayee[entry.Value.PayeeKey] = count + 1;
                    }
                }
            }

            return _unreachedPaidByPayee.TryGetValue(PayeeKeyOf(row), out var unreached) ? unreached : 0;
        }

        /// <summary>Marks a journal entry as reached by this input; a paid one no longer holds rows back.</summary>
        private void Reach(JournalEntry entry)
        {
            entry.Reached = true;
            if (entry.IsPaid && _unreachedPaidByPayee != null && _unreachedPaidByPayee.TryGetValue(entry.PayeeKey, out var count))
            {
                _unreachedPaidByPayee[entry.PayeeKey] = count - 1;
            }
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
                    _recent = _options.LoadRecentPayouts(Window(), requestId => Find(requestId) != null);
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
        private bool NamedBatchGuardsItself() => BatchHeader.SenderBatchId != null && _options.DuplicateWindow == null;

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

        private TimeSpan Window() => _options.DuplicateWindow ?? RecentPayouts.DefaultWindow;

        private static ulong PayeeKeyOf(BatchRow row) => PayeeKeys.OfPayee(row.Payee, row.Currency);

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

        private static string Where(int row) => row == 0 ? "an earlier payout" : $"row {row}";
    }
}
