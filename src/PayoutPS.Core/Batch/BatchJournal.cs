using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The batch's memory on disk: an append-only JSON Lines file (header, then intent / sent / outcome records
    /// per row). A row's intent is flushed to the device before its request may leave; records written while
    /// others wait share one flush (group commit). One process at a time: a lock file guards the journal.
    /// Holds no secret and no full account number: rows are stored as a content hash and a masked payee.
    /// </summary>
    public sealed class BatchJournal : IDisposable
    {
        [ThreadStatic]
        private static MemoryStream? _recordBuffer;

        [ThreadStatic]
        private static Utf8JsonWriter? _recordWriter;

        private const int MaxPending = 1024;
        private static readonly TimeSpan IdleWrite = TimeSpan.FromMilliseconds(200);
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly string _path;
        private readonly FileStream _lock;
        private readonly FileStream _stream;
        private readonly Dictionary<string, JournalEntry> _entries;
        private Action<FileStream, bool> _flush = (stream, toDevice) => stream.Flush(flushToDisk: toDevice);
        private readonly object _gate = new object();
        private readonly Thread _writer;
        private readonly MemoryStream _line = new MemoryStream(512);
        private Dictionary<string, (string Status, string? PayoutId)>? _laterStatuses;
        private FileStream? _reader;
        private List<PendingRecord> _pending = new List<PendingRecord>();
        private bool _pendingDurable;
        private Exception? _failure;
        private bool _closing;

        private BatchJournal(string path, FileStream lockFile, FileStream stream, JournalHeader header, bool resumed, Dictionary<string, JournalEntry> entries)
        {
            _entries = entries; // the dictionary the file was read into: a million rows are not copied
            _path = path;
            _lock = lockFile;
            _stream = stream;
            Header = header;
            IsResumed = resumed;
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "PayoutPS journal writer" };
            _writer.Start();
        }

        public JournalHeader Header { get; }

        /// <summary>True when the file existed: this run continues an earlier one.</summary>
        public bool IsResumed { get; }

        public string Path => _path;

        /// <summary>
        /// Opens (and locks) an existing journal, or creates one with <paramref name="newHeader"/>. A new journal
        /// appears complete or not at all (its header is written to a temporary file, flushed and renamed into
        /// place); an existing file that is empty or has no header is refused, never mistaken for a new batch.
        /// </summary>
        /// <param name="expectedRows">How many rows the input has, when known: the index is sized once instead of doubling (and briefly holding both copies) as it grows.</param>
        public static BatchJournal Open(string path, JournalHeader newHeader, int expectedRows = 0)
        {
            var full = System.IO.Path.GetFullPath(path);
            JournalPaths.CheckUsable(full);
            var lockFile = AcquireLock(full);
            try
            {
                var created = !File.Exists(full) && CreateComplete(full, newHeader);
                var stream = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.None);
                try
                {
                    if (stream.Length == 0)
                    {
                        throw new JournalException($"Journal {full} is empty. A journal is never created empty, so it was emptied or cut short after a run: " +
                                                   "what that run paid is no longer known here, and nothing was sent. Restore the file from a backup; " +
                                                   "only if you are sure nothing was paid with it, delete it and run again.");
                    }

                    JournalHeader? header = null;
                    var entries = new Dictionary<string, JournalEntry>(Math.Max(0, expectedRows), StringComparer.Ordinal);
                    var valid = JournalReader.Read(stream, full, line => header = Load(line, header, entries, full));
                    if (header == null)
                    {
                        throw new JournalException($"Journal {full} has no header line: it is not a PayoutPS journal, or it was damaged. Nothing was sent.");
                    }

                    if (valid < stream.Length)
                    {
                        stream.SetLength(valid); // a torn last line from a crash mid-write: its row was never sent
                    }

                    stream.Position = valid;
                    return new BatchJournal(full, lockFile, stream, header, resumed: !created, entries);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }
            catch
            {
                lockFile.Dispose();
                throw;
            }
        }

        /// <summary>Writes the header to a temporary file, flushes it, renames it into place and flushes the folder.</summary>
        private static bool CreateComplete(string path, JournalHeader header)
        {
            var temporary = path + ".new-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    var line = HeaderRecord(header);
                    stream.Write(line, 0, line.Length);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path); // never overwrites: the lock makes us the only creator
                DirectorySync.Flush(System.IO.Path.GetDirectoryName(path)!);
                return true;
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>What an earlier run, or an earlier row of this run, filed under <paramref name="requestId"/>; null when nothing.</summary>
        public JournalEntry? Find(string requestId) => _entries.TryGetValue(requestId, out var entry) ? entry : null;

        /// <summary>Everything filed so far, earlier runs' rows first.</summary>
        public IEnumerable<KeyValuePair<string, JournalEntry>> Entries => _entries;

        /// <summary>Files a row of this run under its requestId (before its intent is written), so a later row reusing the id is caught.</summary>
        public void Reserve(string requestId, ContentKey content, int row)
        {
            if (!_entries.ContainsKey(requestId))
            {
                _entries[requestId] = new JournalEntry(content, row, fromEarlierRun: false);
            }
        }

        /// <summary>Records that this row is about to be sent; completes once the record is on the device.</summary>
        /// <param name="guardKey">The duplicate guard's key of the row, when the guard checked it (0: not written).</param>
        public Task RecordIntentAsync(int row, string requestId, string contentHash, string amount, string currency, string payee, ulong guardKey = 0)
        {
            return AppendAsync(Record("intent", w =>
            {
                w.WriteNumber("row", row);
                w.WriteString("requestId", requestId);
                w.WriteString("hash", contentHash);
                w.WriteString("amount", amount);
                w.WriteString("currency", currency);
                w.WriteString("payee", payee);
                if (guardKey != 0)
                {
                    w.WriteString("key", guardKey.ToString("x16", CultureInfo.InvariantCulture));
                }
            }), durable: true);
        }

        /// <summary>The request is leaving now (for people reading the journal; resume does not depend on it).</summary>
        public void RecordSent(string requestId) => _ = AppendAsync(Record("sent", w => w.WriteString("requestId", requestId)), durable: false);

        /// <summary>The service's answer: a payout exists (paid) for this row.</summary>
        public void RecordPaid(int row, PayoutRecord payout) => _ = AppendAsync(Record("outcome", w =>
        {
            w.WriteNumber("row", row);
            w.WriteString("requestId", payout.RequestId);
            w.WriteString("outcome", payout.Outcome.ToString());
            w.WriteString("payoutId", payout.PayoutId);
            w.WriteString("status", payout.Status);
            w.WriteString("sourceAmount", payout.SourceAmount);
            w.WriteString("sourceCurrency", payout.SourceCurrency);
            w.WriteString("targetAmount", payout.TargetAmount);
            w.WriteString("targetCurrency", payout.TargetCurrency);
            w.WriteString("fee", payout.Fee);
            w.WriteString("createTime", payout.CreateTime);
        }), durable: false);

        /// <summary>No payout resulted, or it is in doubt: <paramref name="outcome"/> says which, <paramref name="kind"/> why.</summary>
        public void RecordFailure(int row, string requestId, RowOutcome outcome, string error, string? respCode, string? kind = null) => _ = AppendAsync(Record("outcome", w =>
        {
            w.WriteNumber("row", row);
            w.WriteString("requestId", requestId);
            w.WriteString("outcome", outcome.ToString());
            w.WriteString("kind", kind);
            w.WriteString("respCode", respCode);
            w.WriteString("error", Redaction.Redactor.RedactText(error)); // a service's message might echo an account number
        }), durable: false);

        /// <summary>A row refused or held before anything was sent, for the reconciliation report.</summary>
        public void RecordInvalid(int row, string? requestId, string error, RowOutcome outcome = RowOutcome.Invalid) => _ = AppendAsync(Record("invalid", w =>
        {
            w.WriteNumber("row", row);
            w.WriteString("requestId", requestId);
            w.WriteString("outcome", outcome.ToString());
            w.WriteString("error", Redaction.Redactor.RedactText(error));
        }), durable: false);

        /// <summary>Reads back the outcome an earlier run recorded for a paid row.</summary>
        public PayoutRecord ReadPaid(JournalEntry entry)
        {
            // One reader for the whole rerun: a finished million-row batch re-emits a million results.
            var reader = _reader ?? (_reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096));
            var paid = JournalReader.ReadAt(reader, entry.PaidOffset, _line, PayoutRecord.FromJournal);
            var later = _laterStatuses ?? (_laterStatuses = Notifications.NotificationLog.Read(_path)); // notifications and -Refresh lookups since
            return paid.RequestId != null && later.TryGetValue(paid.RequestId, out var latest) ? paid.Settled(latest.Status) : paid;
        }

        /// <summary>Writes everything pending to the device.</summary>
        public void Flush() => AppendAsync(null, durable: true).GetAwaiter().GetResult();

        /// <summary>Flushes what it can and releases the file, the writer thread and the lock, also after a failed write.</summary>
        public void Dispose()
        {
            try
            {
                Flush();
            }
            catch (Exception ex) when (ex is IOException || ex is JournalException || ex is UnauthorizedAccessException)
            {
                // Dispose must not throw; what was not flushed is in doubt on the next run, which looks it up first.
            }
            finally
            {
                lock (_gate)
                {
                    _closing = true;
                    Monitor.PulseAll(_gate);
                }

                _writer.Join();
                _reader?.Dispose();
                _stream.Dispose();

                // The lock file stays: deleting it would let a third run lock a new file while a second still holds the old one.
                _lock.Dispose();
            }
        }

        private static FileStream AcquireLock(string path)
        {
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Unix), released by the OS if this process dies.
                return new FileStream(LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex)
            {
                throw new JournalException($"Journal {path} is in use by another run (its lock file {LockPath(path)} is held). " +
                                           "Two runs on one journal could pay twice, so this one stops; nothing was sent.", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new JournalException($"Journal {path} cannot be locked: its folder is read-only for this account ({ex.Message}). Nothing was sent.", ex);
            }
        }

        private static string LockPath(string path) => path + ".lock";

        private static JournalHeader? Load(JournalReader.Line line, JournalHeader? header, Dictionary<string, JournalEntry> entries, string path)
        {
            if (header == null)
            {
                if (line.Type != "header")
                {
                    throw new JournalException($"Journal {path} line {line.Number} should be its header: it is not a PayoutPS journal. Nothing was sent.");
                }

                return JournalRecords.ToHeader(line);
            }

            var requestId = line.Text("requestId");
            if (requestId == null)
            {
                return header;
            }

            switch (line.Type)
            {
                case "intent":
                    if (!entries.ContainsKey(requestId))
                    {
                        entries[requestId] = new JournalEntry(ContentKey.Parse(line.Text("hash")), line.Int("row"), fromEarlierRun: true, PayeeKeys.OfPayee(line.Text("payee"), line.Text("currency")));
                    }

                    break;
                case "outcome":
                    if (entries.TryGetValue(requestId, out var entry) && RowOutcomes.IsPaid(RowOutcomes.Parse(line.Text("outcome"))))
                    {
                        entry.PaidOffset = line.Offset;
                    }

                    break;
            }

            return header;
        }

        private static byte[] HeaderRecord(JournalHeader header) => Record("header", w =>
        {
            w.WriteNumber("version", header.Version);
            w.WriteString("batchId", header.BatchId);
            if (header.SenderBatchId != null)
            {
                w.WriteString("senderBatchId", header.SenderBatchId);
            }

            w.WriteString("createdUtc", header.CreatedUtc.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("merchant", header.Merchant);
            w.WriteString("environment", header.Environment);
            w.WriteString("baseUri", header.BaseUri);
            w.WriteString("inputFile", header.InputFile);
            w.WriteString("inputHash", header.InputHash);
            if (header.InputRows != null)
            {
                w.WriteNumber("inputRows", header.InputRows.Value);
            }
        }, withTime: false);

        private static byte[] Record(string type, Action<Utf8JsonWriter> body, bool withTime = true)
        {
            // Three records per row, written from whichever thread finishes the row: each thread keeps one
            // buffer and one writer rather than allocating both for every record.
            var buffer = _recordBuffer ?? (_recordBuffer = new MemoryStream(256));
            buffer.SetLength(0);
            var writer = _recordWriter ?? (_recordWriter = new Utf8JsonWriter(buffer, WriterOptions));
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteString("type", type);
            if (withTime)
            {
                writer.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }

            body(writer);
            writer.WriteEndObject();
            writer.Flush();
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private Task AppendAsync(byte[]? line, bool durable)
        {
            var pending = new PendingRecord(line, durable);
            lock (_gate)
            {
                if (_closing)
                {
                    throw new JournalException($"Journal {_path} is closed; nothing more is sent.");
                }

                if (_failure != null)
                {
                    throw _failure as JournalException ?? new JournalException($"Journal {_path} can no longer be written ({_failure.Message}); nothing more is sent.", _failure);
                }

                _pending.Add(pending);

                // Only a record someone waits on wakes the writer; the others ride along with the next flush
                // (or the idle timeout), so a row costs one wake-up, not three.
                if (durable || _pending.Count >= MaxPending)
                {
                    _pendingDurable |= durable;
                    Monitor.Pulse(_gate);
                }
            }

            return pending.Done.Task;
        }

        /// <summary>
        /// How a group commit reaches the file (the stream and whether to the device): for tests that watch the
        /// operating-system edge; set before the first record.
        /// </summary>
        internal Action<FileStream, bool> FlushTo
        {
            set => _flush = value;
        }

        /// <summary>Group commit: whatever queued up while the last flush ran is written and flushed together.</summary>
        private void WriteLoop()
        {
            while (true)
            {
                var batch = TakeGroup();
                if (batch == null)
                {
                    return;
                }

                try
                {
                    CheckStillOurs();
                    var durable = false;
                    foreach (var record in batch)
                    {
                        if (record.Line != null)
                        {
                            _stream.Write(record.Line, 0, record.Line.Length);
                        }

                        durable |= record.Durable;
                    }

                    _flush(_stream, durable); // an intent is acknowledged only once it is on the device: a crash then cannot lose it
                    Complete(batch, null);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JournalException)
                {
                    lock (_gate)
                    {
                        _failure = ex;
                    }

                    Complete(batch, ex as JournalException ?? new JournalException($"Journal {_path} could not be written ({ex.Message}); this row was not sent.", ex));
                }
            }
        }

        /// <summary>
        /// Before each group commit: the path must still name the file this run writes (its length tracks ours,
        /// since only we append). Deleted, emptied, replaced or its folder removed: nothing more may be sent,
        /// because a rerun would no longer find what this run paid.
        /// </summary>
        private void CheckStillOurs()
        {
            var problem = JournalPaths.WhatHappened(_path, _stream.Position);
            if (problem != null)
            {
                throw new JournalException($"Journal {_path} {problem} while this run was writing it. The run stops sending: a rerun could not know what this run paid. " +
                                           "Restore the journal (or rerun with the same file as soon as it is back); the duplicate guard holds rows the service already paid.");
            }
        }

        /// <summary>The next group to write: waits for a record someone waits on (or the idle timeout); null once closed and empty.</summary>
        private List<PendingRecord>? TakeGroup()
        {
            lock (_gate)
            {
                while (!_pendingDurable && _pending.Count < MaxPending && !_closing)
                {
                    if (!Monitor.Wait(_gate, IdleWrite) && _pending.Count > 0)
                    {
                        break; // nothing durable came along: write what waits, so the file keeps up with the run
                    }
                }

                if (_pending.Count == 0)
                {
                    return null;
                }

                var group = _pending;
                _pending = new List<PendingRecord>();
                _pendingDurable = false;
                return group;
            }
        }

        /// <summary>
        /// Releases the rows waiting on this group from one thread-pool item: each row's send continues there
        /// inline, up to its first network wait. One hand-off per flush instead of one per row, and the writer
        /// thread is free for the next flush at once.
        /// </summary>
        private static void Complete(List<PendingRecord> batch, Exception? failure)
        {
            ThreadPool.QueueUserWorkItem(_ =>
            {
                foreach (var record in batch)
                {
                    if (failure == null)
                    {
                        record.Done.TrySetResult(true);
                    }
                    else
                    {
                        record.Done.TrySetException(failure);
                    }
                }
            });
        }

        private sealed class PendingRecord
        {
            public PendingRecord(byte[]? line, bool durable)
            {
                Line = line;
                Durable = durable;
            }

            public byte[]? Line { get; }

            public bool Durable { get; }

            public TaskCompletionSource<bool> Done { get; } = new TaskCompletionSource<bool>(); // completed off the writer thread: see Complete
        }
    }
}
