using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// A journal's rows, in input order. The file is read once to index it (per row: its number, its latest
    /// outcome, where its intent and that outcome start), then each row is read back when it is enumerated:
    /// a million-row journal is held as 24 MB of index, not as a million row objects (and indexed by requestId
    /// through 16-byte keys, <see cref="RequestIdKey"/>, not strings).
    /// </summary>
    public sealed class JournalRows
    {
        private readonly string _path;
        private readonly List<Slot> _slots;

        private JournalRows(string path, JournalHeader header, List<Slot> slots)
        {
            _path = path;
            Header = header;
            _slots = slots;
        }

        public JournalHeader Header { get; }

        /// <summary>How many rows the journal knows (intents, and rows refused or held before sending).</summary>
        public int Count => _slots.Count;

        /// <summary>How many different input rows (1, 2, …) the journal has a record for: the rows its runs reached.</summary>
        public int RowsReached
        {
            get
            {
                var reached = 0;
                var last = 0;
                foreach (var slot in _slots)
                {
                    if (slot.Row > 0 && slot.Row != last)
                    {
                        reached++;
                        last = slot.Row; // sorted by row: repeats are adjacent
                    }
                }

                return reached;
            }
        }

        /// <param name="onlyRequestId">Index only this requestId's records (a notification's row), not the whole batch.</param>
        public static JournalRows Open(string path, string? onlyRequestId = null)
        {
            JournalPaths.CheckReadable(path);

            JournalHeader? header = null;
            var slots = new List<Slot>();
            var byRequestId = new Dictionary<RequestIdKey, int>();
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024))
            {
                if (stream.Length == 0)
                {
                    throw new JournalException($"Journal {path} is empty: it has no header. A journal is never created empty, so it was emptied after a run.");
                }

                JournalReader.Read(stream, path, line =>
                {
                    if (header == null)
                    {
                        header = line.Type == "header"
                            ? JournalRecords.ToHeader(line)
                            : throw new JournalException($"Journal {path} line {line.Number} should be its header: it is not a PayoutPS journal.");
                        return;
                    }

                    if (onlyRequestId == null || string.Equals(line.Text("requestId"), onlyRequestId, StringComparison.Ordinal))
                    {
                        Index(line, byRequestId, slots);
                    }
                });
            }

            if (header == null)
            {
                throw new JournalException($"Journal {path} has no header: it is not a PayoutPS journal, or it was damaged.");
            }

            // Stable by row number: the order the journal recorded them in breaks ties.
            var order = new int[slots.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var rows = new int[slots.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = slots[i].Row;
            }

            Array.Sort(rows, order);
            return new JournalRows(path, header, OnePerRow(slots, order));
        }

        /// <summary>
        /// The slots in row order, each input row once: a row refused or held by several runs keeps its latest refusal,
        /// and a row that a run sent is described by what was sent, not by a rerun's refusal of it (held twice, then
        /// paid, is one paid row). A row sent under two requestIds (its content changed) keeps both: each may be a payout.
        /// </summary>
        private static List<Slot> OnePerRow(List<Slot> slots, int[] order)
        {
            var kept = new List<Slot>(slots.Count);
            var start = 0;
            while (start < order.Length)
            {
                var row = slots[order[start]].Row;
                var end = start;
                var sent = false;
                while (end < order.Length && slots[order[end]].Row == row)
                {
                    sent |= slots[order[end]].Last != Slot.RefusedOnly;
                    end++;
                }

                for (var i = start; i < end; i++)
                {
                    // Row 0 is a payout given on the command line: each is its own. A row never sent is all refusals: the last one.
                    var slot = slots[order[i]];
                    if (row <= 0 || (sent ? slot.Last != Slot.RefusedOnly : i == end - 1))
                    {
                        kept.Add(slot);
                    }
                }

                start = end;
            }

            return kept;
        }

        /// <summary>Each row as the journal last recorded it, read back from the file one at a time.</summary>
        public IEnumerable<BatchRowState> Rows()
        {
            // Statuses learned after the run (notifications, -Refresh lookups) are newer than the journal's own.
            var later = Notifications.NotificationLog.Read(_path);
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
            {
                var line = new MemoryStream(512);
                foreach (var slot in _slots)
                {
                    var state = new BatchRowState { Row = slot.Row, Outcome = slot.Outcome };
                    JournalReader.ReadAt(file, slot.First, line, record => Fill(state, record, first: true));
                    if (slot.Last >= 0)
                    {
                        JournalReader.ReadAt(file, slot.Last, line, record => Fill(state, record, first: false));
                    }

                    if (state.IsCreated && state.RequestId != null && later.TryGetValue(state.RequestId, out var latest))
                    {
                        state.Status = Notifications.NotificationLog.Settle(state.Status, latest.Status);
                    }

                    yield return state;
                }
            }
        }

        /// <summary>The RequestIds of the rows at <paramref name="positions"/> in <see cref="Rows"/>'s order, read back from the file.</summary>
        public IEnumerable<string?> RequestIdsAt(IEnumerable<int> positions)
        {
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
            {
                var line = new MemoryStream(512);
                foreach (var position in positions)
                {
                    string? requestId = null;
                    JournalReader.ReadAt(file, _slots[position].First, line, record => requestId = Api.ApiEnvelope.Text(record, "requestId"));
                    yield return requestId;
                }
            }
        }

        private static void Index(JournalReader.Line line, Dictionary<RequestIdKey, int> byRequestId, List<Slot> slots)
        {
            switch (line.Type)
            {
                case "invalid":
                    var refused = line.Text("outcome") == nameof(RowOutcome.Held) ? RowOutcome.Held : RowOutcome.Invalid;
                    slots.Add(new Slot { Row = line.Int("row"), Outcome = refused, First = line.Offset, Last = Slot.RefusedOnly });
                    break;
                case "intent" when line.RequestIdKey is RequestIdKey intent && !byRequestId.ContainsKey(intent):
                    byRequestId[intent] = slots.Count;
                    slots.Add(new Slot { Row = line.Int("row"), Outcome = RowOutcome.InDoubt, First = line.Offset, Last = -1 });
                    break;
                case "outcome" when line.RequestIdKey is RequestIdKey outcomeOf && byRequestId.TryGetValue(outcomeOf, out var index):
                    var slot = slots[index];
                    var outcome = RowOutcomes.Parse(line.Text("outcome"));

                    // A paid outcome is final: a later run's lookup of the same id cannot make it unpaid.
                    if (!RowOutcomes.IsPaid(slot.Outcome) || RowOutcomes.IsPaid(outcome))
                    {
                        slot.Outcome = outcome;
                        slot.Last = line.Offset;
                        slots[index] = slot;
                    }

                    break;
            }
        }

        private static void Fill(BatchRowState row, JsonElement record, bool first)
        {
            string? Text(string name) => Api.ApiEnvelope.Text(record, name);
            row.Time = JournalTime(Text("time")) ?? row.Time;
            if (first)
            {
                row.RequestId = Text("requestId");
                row.Amount = Text("amount");
                row.Currency = Text("currency");
                row.Payee = Text("payee");
                row.GuardKey = Text("key");
                row.Error = row.Outcome == RowOutcome.Invalid || row.Outcome == RowOutcome.Held ? Text("error") : null;
                return;
            }

            row.PayoutId = Text("payoutId");
            row.Status = Text("status");
            row.SourceAmount = Text("sourceAmount");
            row.SourceCurrency = Text("sourceCurrency");
            row.TargetAmount = Text("targetAmount");
            row.TargetCurrency = Text("targetCurrency");
            row.Fee = Text("fee");
            row.Error = row.IsCreated ? null : Text("error");
        }

        private static DateTime? JournalTime(string? text) =>
            DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
                ? time : (DateTime?)null;

        /// <summary>One row in the index: 24 bytes.</summary>
        private struct Slot
        {
            /// <summary><see cref="Last"/> of a row known only from a refused or held record (no intent, no outcome).</summary>
            public const long RefusedOnly = -2;

            public int Row;
            public RowOutcome Outcome;
            public long First;
            public long Last;
        }
    }
}
