using System;
using System.Collections.Generic;
using System.Linq;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// What earlier runs of a journal recorded, as this input meets it: identical rows (no RequestId) recorded partly
    /// paid, which are matched in order once the input has ended; rows that pay a payee like a paid row the input has
    /// not reached (edited after they were paid), which wait for the end of the input; and which recorded rows the
    /// input reached. Part of <see cref="BatchRun"/>'s admission; not thread-safe.
    /// </summary>
    internal sealed class EarlierRuns
    {
        private readonly BatchJournal? _journal;
        private readonly List<BatchRow> _deferred = new List<BatchRow>();
        private readonly Dictionary<ContentKey, int> _partlyPaid = new Dictionary<ContentKey, int>(); // content → identical rows the journal recorded, some paid and some not
        private readonly List<(BatchRow Row, JournalEntry Entry, ContentKey Content)> _unmapped = new List<(BatchRow, JournalEntry, ContentKey)>();
        private Dictionary<ulong, int>? _unreachedPaidByPayee;

        public EarlierRuns(BatchJournal? journal) => _journal = journal;

        /// <summary>A paid row of an earlier run that this input has not reached: it holds back a row that looks like it edited.</summary>
        private static bool IsUnreachedPaid(JournalEntry entry) => entry.FromEarlierRun && entry.IsPaid && !entry.Reached;

        private static ulong PayeeKeyOf(BatchRow row) => PayeeKeys.OfPayee(row.Payee, row.Currency);

        /// <summary>One of identical rows recorded partly paid: placed once the input has ended (see <see cref="Resolve"/>).</summary>
        public void DeferIdentical(BatchRow row, JournalEntry entry, ContentKey content) => _unmapped.Add((row, entry, content));

        /// <summary>Defers a row that pays a payee and currency like a paid journal row not reached yet; false when none.</summary>
        public bool DeferIfEdited(BatchRow row)
        {
            if (UnreachedPaid(row) == 0)
            {
                return false;
            }

            _deferred.Add(row);
            return true;
        }

        /// <summary>
        /// Whether identical rows of this content were recorded by an earlier run partly paid. Asked at the content's
        /// first row, whose own entry is <paramref name="first"/>: the journal is probed by the ids the next occurrences
        /// would have, so no index of every content is kept.
        /// </summary>
        public bool IsPartlyPaid(ContentKey content, string hash, int occurrence, JournalEntry first)
        {
            if (occurrence > 1 || _journal == null)
            {
                return _partlyPaid.ContainsKey(content);
            }

            var recorded = 1;
            var paid = first.IsPaid ? 1 : 0;
            for (var next = 2; ; next++)
            {
                var entry = _journal.Find(GeneratedRequestIds.Derive(_journal.Header.RequestIdSeed, hash, next));
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
        /// Once the input has ended (<paramref name="inInput"/>: how many rows of a content it held): identical rows the journal recorded partly paid are placed (see
        /// <see cref="MapIdenticalRows"/>); then each row deferred as a possible edit is held if a paid journal row
        /// with its payee and currency was still not reached (the row was edited after it was paid), and sent otherwise.
        /// </summary>
        public IReadOnlyList<Admission> Resolve(Func<ContentKey, int> inInput)
        {
            var decided = new List<Admission>(MapIdenticalRows(inInput));
            if (_deferred.Count == 0)
            {
                return decided;
            }

            // One pass over the journal: the paid rows this input never reached, by payee and currency.
            var unreached = new Dictionary<ulong, Queue<JournalEntry>>();
            foreach (var entry in _journal!.Entries)
            {
                if (IsUnreachedPaid(entry))
                {
                    if (!unreached.TryGetValue(entry.PayeeKey, out var queue))
                    {
                        unreached[entry.PayeeKey] = queue = new Queue<JournalEntry>();
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
                Reach(paid);
                var payout = _journal.ReadPaid(paid);
                decided.Add(Admission.Held(row, AdmissionReason.DuplicateInJournal,
                    $"it pays {row.Payee} in {row.Currency} like row {paid.Row} of an earlier run (RequestId {_journal.RequestIdOf(paid)}), which was paid as payout {payout.PayoutId} " +
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
        private IEnumerable<Admission> MapIdenticalRows(Func<ContentKey, int> inInputOf)
        {
            foreach (var (row, entry, content) in _unmapped)
            {
                var inInput = inInputOf(content);
                var recorded = _partlyPaid[content];
                if (inInput >= recorded)
                {
                    Reach(entry);
                    yield return entry.IsPaid ? Admission.AlreadyPaid(row, _journal!.ReadPaid(entry)) : Admission.Send(row);
                    continue;
                }

                yield return Admission.Held(row, AdmissionReason.AmbiguousOccurrence,
                    $"journal {_journal!.Path} recorded {recorded} identical rows like this one (no RequestId), some paid and some not, and this input has {inInput}: " +
                    "which of the recorded rows this one is cannot be told. Nothing was sent. Run the original file again as it was (identical rows are matched in order), " +
                    "or give the rows RequestIds; Get-PayoutBatch shows which were paid.");
            }

            _unmapped.Clear();
        }

        private int UnreachedPaid(BatchRow row)
        {
            if (_journal == null || !_journal.IsResumed)
            {
                return 0;
            }

            if (_unreachedPaidByPayee == null)
            {
                _unreachedPaidByPayee = new Dictionary<ulong, int>();
                foreach (var entry in _journal.Entries)
                {
                    if (IsUnreachedPaid(entry))
                    {
                        _unreachedPaidByPayee.TryGetValue(entry.PayeeKey, out var count);
                        _unreachedPaidByPayee[entry.PayeeKey] = count + 1;
                    }
                }
            }

            return _unreachedPaidByPayee.TryGetValue(PayeeKeyOf(row), out var unreached) ? unreached : 0;
        }

        /// <summary>Marks a journal entry as reached by this input; a paid one no longer holds rows back.</summary>
        public void Reach(JournalEntry entry)
        {
            entry.Reached = true;
            if (entry.IsPaid && _unreachedPaidByPayee != null && _unreachedPaidByPayee.TryGetValue(entry.PayeeKey, out var count))
            {
                _unreachedPaidByPayee[entry.PayeeKey] = count - 1;
            }
        }

        /// <summary>Rows an earlier run recorded, not paid, that this input never reached, in row order.</summary>
        public IReadOnlyList<(int Row, string RequestId)> NotReached() => _journal == null
            ? Array.Empty<(int, string)>()
            : _journal.Entries.Where(e => e.FromEarlierRun && !e.Reached && !e.IsPaid).OrderBy(e => e.Row).Select(e => (e.Row, _journal.RequestIdOf(e))).ToList();
    }
}
