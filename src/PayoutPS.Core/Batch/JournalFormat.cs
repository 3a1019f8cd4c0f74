using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PayoutPS.Core.Batch
{
    /// <summary>The journal's lines: how a record is written (one JSON object per line), and how a journal is indexed when it is opened.</summary>
    internal static class JournalFormat
    {
        [ThreadStatic]
        private static MemoryStream? _recordBuffer;

        [ThreadStatic]
        private static Utf8JsonWriter? _recordWriter;

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>Indexes one line of a journal being opened: its header, then each row's intent and paid outcome by requestId.</summary>
        internal static JournalHeader? Index(JournalReader.Line line, JournalHeader? header, Dictionary<RequestIdKey, JournalEntry> entries, string path)
        {
            if (header == null)
            {
                if (line.Type != "header")
                {
                    throw new JournalException($"Journal {path} line {line.Number} should be its header: it is not a PayoutPS journal. Nothing was sent.");
                }

                return JournalRecords.ToHeader(line);
            }

            var type = line.Type;
            if ((type != "intent" && type != "outcome") || !(line.RequestIdKey is RequestIdKey requestId))
            {
                return header;
            }

            switch (type)
            {
                case "intent":
                    if (!entries.ContainsKey(requestId))
                    {
                        entries[requestId] = new JournalEntry(ContentKey.Parse(line.Text("hash")), line.Int("row"), fromEarlierRun: true,
                            PayeeKeys.OfPayee(line.Text("payee"), line.Text("currency")), intentOffset: line.Offset);
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

        public static byte[] HeaderRecord(JournalHeader header) => Record("header", w =>
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

            if (header.Approvals != null)
            {
                w.WriteString("approvals", header.Approvals);
            }
        }, withTime: false);

        /// <summary>One record: its type, the time it was written (except the header), and <paramref name="body"/>.</summary>
        public static byte[] Record(string type, Action<Utf8JsonWriter> body, bool withTime = true)
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
    }
}
