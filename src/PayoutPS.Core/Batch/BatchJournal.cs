using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
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
        private readonly string _path;
        private readonly FileStream _lock;
        private readonly FileStream _stream;
        private readonly Dictionary<RequestIdKey, JournalEntry> _entries; // 16-byte keys, not the strings: a million rows' requestIds would take ~90 MB
        private readonly JournalWriter _writer;
        private readonly MemoryStream _line = new MemoryStream(512);
        private Dictionary<string, (string Status, string? PayoutId)>? _laterStatuses;
        private FileStream? _reader;

        private BatchJournal(string path, FileStream lockFile, FileStream stream, JournalHeader header, bool resumed, Dictionary<RequestIdKey, JournalEntry> entries)
        {
            _entries = entries; // the dictionary the file was read into: a million rows are not copied
            _path = path;
            _lock = lockFile;
            _stream = stream;
            Header = header;
            IsResumed = resumed;
            _writer = new JournalWriter(path, stream);
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
                    var entries = new Dictionary<RequestIdKey, JournalEntry>(Math.Max(0, expectedRows));
                    var valid = JournalReader.Read(stream, full, line => header = JournalFormat.Index(line, header, entries, full));
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
                    var line = JournalFormat.HeaderRecord(header);
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
        public JournalEntry? Find(string requestId) => _entries.TryGetValue(RequestIdKey.Of(requestId), out var entry) ? entry : null;

        /// <summary>Everything filed so far, earlier runs' rows first.</summary>
        public IEnumerable<JournalEntry> Entries => _entries.Values;

        /// <summary>The requestId an earlier run filed <paramref name="entry"/> under, read back from its intent line.</summary>
        public string RequestIdOf(JournalEntry entry) =>
            JournalReader.ReadAt(Reader(), entry.IntentOffset, _line, record => Api.ApiEnvelope.Text(record, "requestId")) ?? string.Empty;

        /// <summary>Files a row of this run under its requestId (before its intent is written), so a later row reusing the id is caught.</summary>
        public void Reserve(string requestId, ContentKey content, int row)
        {
            var key = RequestIdKey.Of(requestId);
            if (!_entries.ContainsKey(key))
            {
                _entries[key] = new JournalEntry(content, row, fromEarlierRun: false);
            }
        }

        /// <summary>Records that this row is about to be sent; completes once the record is on the device.</summary>
        /// <param name="guardKey">The duplicate guard's key of the row, when the guard checked it (0: not written).</param>
        public Task RecordIntentAsync(int row, string requestId, string contentHash, string amount, string currency, string payee, ulong guardKey = 0)
        {
            return _writer.AppendAsync(JournalFormat.Record("intent", w =>
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
        public void RecordSent(string requestId) => _ = _writer.AppendAsync(JournalFormat.Record("sent", w => w.WriteString("requestId", requestId)), durable: false);

        /// <summary>The service's answer: a payout exists (paid) for this row.</summary>
        public void RecordPaid(int row, PayoutRecord payout) => _ = _writer.AppendAsync(JournalFormat.Record("outcome", w =>
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
        public void RecordFailure(int row, string requestId, RowOutcome outcome, string error, string? respCode, string? kind = null) => _ = _writer.AppendAsync(JournalFormat.Record("outcome", w =>
        {
            w.WriteNumber("row", row);
            w.WriteString("requestId", requestId);
            w.WriteString("outcome", outcome.ToString());
            w.WriteString("kind", kind);
            w.WriteString("respCode", respCode);
            w.WriteString("error", Redaction.Redactor.RedactText(error)); // a service's message might echo an account number
        }), durable: false);

        /// <summary>A row refused or held before anything was sent, for the reconciliation report.</summary>
        public void RecordInvalid(int row, string? requestId, string error, RowOutcome outcome = RowOutcome.Invalid) => _ = _writer.AppendAsync(JournalFormat.Record("invalid", w =>
        {
            w.WriteNumber("row", row);
            w.WriteString("requestId", requestId);
            w.WriteString("outcome", outcome.ToString());
            w.WriteString("error", Redaction.Redactor.RedactText(error));
        }), durable: false);

        /// <summary>Reads back the outcome an earlier run recorded for a paid row.</summary>
        public PayoutRecord ReadPaid(JournalEntry entry)
        {
            var paid = JournalReader.ReadAt(Reader(), entry.PaidOffset, _line, PayoutRecord.FromJournal);
            var later = _laterStatuses ?? (_laterStatuses = Notifications.NotificationLog.Read(_path)); // notifications and -Refresh lookups since
            return paid.RequestId != null && later.TryGetValue(paid.RequestId, out var latest) ? paid.Settled(latest.Status) : paid;
        }

        /// <summary>One reader for the whole rerun: a finished million-row batch re-emits a million results.</summary>
        private FileStream Reader() => _reader ?? (_reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096));

        /// <summary>How a group commit reaches the file: for tests that watch the operating-system edge; set before the first record.</summary>
        internal Action<FileStream, bool> FlushTo
        {
            set => _writer.FlushTo = value;
        }

        /// <summary>Writes everything pending to the device.</summary>
        public void Flush() => _writer.AppendAsync(null, durable: true).GetAwaiter().GetResult();

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
                _writer.Close();
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

    }
}
