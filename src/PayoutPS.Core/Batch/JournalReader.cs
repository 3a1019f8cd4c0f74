using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Reads a journal line by line. A torn last line (a power cut mid-write) is reported as the place to cut;
    /// a bad line anywhere else is corruption, named by its line number, and nothing may be sent.
    /// </summary>
    public static class JournalReader
    {
        /// <summary>One record and where its line starts.</summary>
        public readonly struct Line
        {
            public Line(int number, long offset, JsonElement record)
            {
                Number = number;
                Offset = offset;
                Record = record;
            }

            public int Number { get; }

            public long Offset { get; }

            public JsonElement Record { get; }

            public string Type => Text("type") ?? string.Empty;

            public string? Text(string name) =>
                Record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

            /// <summary>The record's requestId as an index key (<see cref="Batch.RequestIdKey"/>); null when it has none.</summary>
            internal RequestIdKey? RequestIdKey => Text("requestId") is string requestId ? Batch.RequestIdKey.Of(requestId) : (RequestIdKey?)null;

            public int Int(string name) =>
                Record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
        }

        /// <summary>
        /// Calls <paramref name="onLine"/> for every whole record and returns the length of the valid part: the
        /// file's length, or where a torn last line starts.
        /// </summary>
        public static long Read(Stream stream, string path, Action<Line> onLine)
        {
            var buffer = new byte[64 * 1024];
            var pending = new MemoryStream();
            long offset = 0, lineStart = 0;
            var number = 0;
            Line? bad = null;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    pending.Write(buffer, start, i - start);
                    number++;
                    if (bad != null)
                    {
                        throw Corrupt(path, bad.Value.Number); // a bad line followed by more lines is not a torn tail
                    }

                    bad = Parse(pending, number, lineStart, onLine);
                    pending.SetLength(0);
                    start = i + 1;
                    lineStart = offset + i + 1;
                }

                pending.Write(buffer, start, read - start);
                offset += read;
            }

            if (bad != null)
            {
                return bad.Value.Offset; // the last line was complete but unreadable (say, zeros after a power cut): cut it
            }

            return pending.Length == 0 ? offset : lineStart; // no newline at the end: torn mid-write
        }

        private static Line? Parse(MemoryStream pending, int number, long offset, Action<Line> onLine)
        {
            try
            {
                using (var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(pending.GetBuffer(), 0, (int)pending.Length)))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        return new Line(number, offset, default);
                    }

                    onLine(new Line(number, offset, document.RootElement));
                    return null;
                }
            }
            catch (JsonException)
            {
                return new Line(number, offset, default);
            }
        }

        /// <summary>Reads the one record whose line starts at <paramref name="offset"/> (an offset a <see cref="Line"/> gave) into <paramref name="read"/>.</summary>
        /// <param name="line">A buffer the caller keeps for the next record: a rerun reads back a million.</param>
        public static T ReadAt<T>(Stream file, long offset, MemoryStream line, Func<JsonElement, T> read)
        {
            file.Position = offset;
            line.SetLength(0);
            int b;
            while ((b = file.ReadByte()) >= 0 && b != '\n')
            {
                line.WriteByte((byte)b);
            }

            using (var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(line.GetBuffer(), 0, (int)line.Length)))
            {
                return read(document.RootElement);
            }
        }

        /// <summary>As <see cref="ReadAt{T}"/>, for a reader that fills something in.</summary>
        public static void ReadAt(Stream file, long offset, MemoryStream line, Action<JsonElement> read) =>
            ReadAt(file, offset, line, record =>
            {
                read(record);
                return true;
            });

        private static JournalException Corrupt(string path, int line) =>
            new JournalException($"Journal {path} is corrupt at line {line}: it is not a journal record. Nothing was sent. " +
                                 "Restore the file from a backup, or start a new journal (a new journal does not know what this one paid).");
    }
}
