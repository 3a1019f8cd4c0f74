using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Notifications
{
    /// <summary>
    /// Notifications for a batch, kept beside its journal (<c>journal.notifications</c>) so a receiver can record
    /// them while the batch itself still holds the journal's lock. Get-PayoutBatch folds them into the rows.
    /// The rules of spec §5: a repeat changes nothing, and a final status (S, F, U, V) never moves backwards.
    /// </summary>
    public static class NotificationLog
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // What this process has folded of each log so far: the file only grows, so a record reads only what is new.
        private static readonly Dictionary<string, Folded> Known = new Dictionary<string, Folded>(StringComparer.Ordinal);

        public static string PathFor(string journalPath) => journalPath + ".notifications";

        /// <summary>Records a valid notification; returns what it did: Applied, Repeat, or Late (a final status was already known).</summary>
        public static string Record(string journalPath, PayoutNotification notification) =>
            Record(journalPath, notification.RequestId!, notification.Status!, notification.PayoutId, "notification", notification.NotifyTime);

        /// <summary>
        /// Records a payout's status that Get-PayoutBatch -Refresh looked up, by the same rules, so every later reading
        /// of the journal (Get-PayoutBatch, the report, a rerun of New-Payout) counts it as the service last said.
        /// </summary>
        public static string RecordLookup(string journalPath, PayoutRecord found) =>
            Record(journalPath, found.RequestId!, found.Status!, found.PayoutId, "lookup", null);

        private static string Record(string journalPath, string requestId, string status, string? payoutId, string type, DateTime? notifyTime)
        {
            var path = Path.GetFullPath(PathFor(journalPath));
            using (var file = OpenExclusive(path))
            lock (Known)
            {
                if (!Known.TryGetValue(path, out var folded) || file.Length < folded.End)
                {
                    Known[path] = folded = new Folded(); // new, or not the file we folded: read it whole
                }

                folded.End = Fold(file, folded.End, folded.Statuses);
                if (folded.End < file.Length)
                {
                    file.SetLength(folded.End); // a torn last line (a crash mid-write) would swallow the next record
                }

                var verdict = Verdict(folded.Statuses, requestId, status);
                if (verdict == "Applied")
                {
                    file.Seek(0, SeekOrigin.End);
                    var line = Line(type, requestId, status, payoutId, notifyTime);
                    file.Write(line, 0, line.Length);
                    file.Flush(flushToDisk: true);
                    folded.End = file.Length;
                    folded.Statuses[requestId] = (status, payoutId);
                }

                return verdict;
            }
        }

        /// <summary>The latest status per requestId that the notifications support, by the rules above.</summary>
        public static Dictionary<string, (string Status, string? PayoutId)> Read(string journalPath)
        {
            var path = PathFor(journalPath);
            if (!File.Exists(path))
            {
                return new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
            }

            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var statuses = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
                Fold(file, 0, statuses);
                return statuses;
            }
        }

        /// <summary>The status to show when <paramref name="current"/> is known and <paramref name="pushed"/> arrives: a final one never moves back.</summary>
        public static string Settle(string? current, string pushed) => current != null && PayoutStatusCodes.IsTerminal(current) ? current : pushed;

        /// <summary>Applied when new; Repeat when the same status is known; Late when a final status is already known.</summary>
        public static string Verdict(IReadOnlyDictionary<string, (string Status, string? PayoutId)> known, string requestId, string status)
        {
            if (!known.TryGetValue(requestId, out var current))
            {
                return "Applied";
            }

            if (current.Status == status)
            {
                return "Repeat";
            }

            return Settle(current.Status, status) == status ? "Applied" : "Late";
        }

        /// <summary>Folds the records from <paramref name="from"/> on into <paramref name="statuses"/>; returns where the whole records end.</summary>
        private static long Fold(Stream file, long from, Dictionary<string, (string Status, string? PayoutId)> statuses)
        {
            file.Position = from;
            return from + JournalReader.Read(file, "notifications", line =>
            {
                var requestId = line.Text("requestId");
                var status = line.Text("status");
                if (requestId != null && status != null && Verdict(statuses, requestId, status) == "Applied")
                {
                    statuses[requestId] = (status, line.Text("payoutId"));
                }
            });
        }

        private sealed class Folded
        {
            public long End { get; set; }

            public Dictionary<string, (string Status, string? PayoutId)> Statuses { get; } = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        }

        private static FileStream OpenExclusive(string path)
        {
            // Several receivers may run: each waits its turn for a moment rather than failing at once.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (attempt < 50)
                {
                    Thread.Sleep(20);
                }
            }
        }

        private static byte[] Line(string type, string requestId, string status, string? payoutId, DateTime? notifyTime)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", type);
                    writer.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteString("requestId", requestId);
                    writer.WriteString("payoutId", payoutId);
                    writer.WriteString("status", status);
                    if (notifyTime != null)
                    {
                        writer.WriteString("notifyTime", notifyTime.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    writer.WriteEndObject();
                }

                buffer.WriteByte((byte)'\n');
                return buffer.ToArray();
            }
        }
    }
}
