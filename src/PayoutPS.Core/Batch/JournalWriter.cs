using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The journal's writer thread: records are queued, and whatever queued up while the last flush ran is written and
    /// flushed together (group commit). A record someone waits on (an intent) completes only once it is on the device.
    /// After the first failed write nothing more is accepted: a run must not send what it cannot remember.
    /// </summary>
    internal sealed class JournalWriter
    {
        private const int MaxPending = 1024;
        private static readonly TimeSpan IdleWrite = TimeSpan.FromMilliseconds(200);

        private readonly string _path;
        private readonly FileStream _stream;
        private readonly object _gate = new object();
        private readonly Thread _thread;
        private Action<FileStream, bool> _flush = (stream, toDevice) => stream.Flush(flushToDisk: toDevice);
        private List<PendingRecord> _pending = new List<PendingRecord>();
        private bool _pendingDurable;
        private Exception? _failure;
        private bool _closing;

        public JournalWriter(string path, FileStream stream)
        {
            _path = path;
            _stream = stream;
            _thread = new Thread(WriteLoop) { IsBackground = true, Name = "PayoutPS journal writer" };
            _thread.Start();
        }

        /// <summary>
        /// How a group commit reaches the file (the stream and whether to the device): for tests that watch the
        /// operating-system edge; set before the first record.
        /// </summary>
        public Action<FileStream, bool> FlushTo
        {
            set => _flush = value;
        }

        /// <summary>Queues one record (null: none, only a flush); completes once it is written, and with <paramref name="durable"/> once it is on the device.</summary>
        public Task AppendAsync(byte[]? line, bool durable)
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

        /// <summary>Writes what is queued, then stops the thread.</summary>
        public void Close()
        {
            lock (_gate)
            {
                _closing = true;
                Monitor.PulseAll(_gate);
            }

            _thread.Join();
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
