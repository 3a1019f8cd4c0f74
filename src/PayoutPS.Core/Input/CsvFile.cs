using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// A payroll file read as RFC 4180 CSV, streaming and strictly: a header row, then one record per row (quoted
    /// fields may hold the delimiter, doubled quotes and line breaks). Whatever could change what a row means is
    /// refused with its physical line and the fix, before any row is sent: a byte the encoding cannot decode, UTF-8
    /// read as a single-byte code page, a blank or repeated header name, a record with more or fewer fields than
    /// the header, a quote that never closes. Blank lines (and Excel's all-empty ",,,," rows) are skipped and
    /// counted. An Excel "sep=;" first line sets the delimiter.
    /// Over 300 lines on purpose: one state machine over the file's characters (quotes, delimiters, line breaks, the
    /// physical line each record starts on); split across files its states would have to be read side by side.
    /// </summary>
    public sealed class CsvFile : IRowFile
    {
        private const int ProblemsShown = 5;

        private readonly InputBytes _bytes;
        private readonly Encoding _encoding;
        private readonly string _path;
        private char _delimiter;
        private string? _sha256;

        public CsvFile(string path, Encoding? encoding, char delimiter)
        {
            _path = path;
            _bytes = InputBytes.Open(path);
            _encoding = encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            _delimiter = delimiter;
        }

        /// <summary>Blank lines skipped by the last read (<see cref="CountRows"/> or <see cref="Rows"/>).</summary>
        public int BlankLines { get; private set; }

        /// <summary>The header's column names, trimmed, as the last read found them.</summary>
        public IReadOnlyList<string> Columns { get; private set; } = Array.Empty<string>();

        /// <summary>The delimiter in use: the one given, or a "sep=" first line's.</summary>
        public char Delimiter => _delimiter;

        /// <summary>SHA-256 of the file's bytes, lowercase hex: what the journal records of its input, and what <see cref="Rows"/> checks it paid.</summary>
        public string Sha256() => _sha256 ?? (_sha256 = _bytes.Sha256());

        /// <summary>
        /// Reads the whole file once, so a file in the wrong encoding or of the wrong shape is refused before any
        /// row is sent, and returns how many data rows it has as <see cref="Rows"/> will yield them (records, not
        /// lines: blank lines and multi-line cells do not count).
        /// </summary>
        /// <param name="eachRow">Called with each data row's number and fields (in <see cref="Columns"/>' order) while the file is read, so a caller that needs every row once (a batch's cost) needs no second pass.</param>
        public int CountRows(Action<int, IReadOnlyList<string>>? eachRow = null)
        {
            RefuseUtf8ReadAsCodePage();
            var problems = new List<string>();
            var wrongShape = 0;
            var rows = 0;
            using (var reader = Open())
            {
                HashSet<string>? names = null; // the header's, once the reader has read it
                foreach (var record in DataRecords(reader))
                {
                    rows++;
                    RefuseRepeatedHeader(record, names ??= new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase));
                    if (record.Fields.Count != Columns.Count)
                    {
                        wrongShape++;
                        if (problems.Count < ProblemsShown)
                        {
                            problems.Add($"line {record.Line} has {record.Fields.Count} fields");
                        }
                    }
                    else
                    {
                        eachRow?.Invoke(rows, record.Fields);
                    }
                }
            }

            if (wrongShape > 0)
            {
                throw Refusal(
                    $"{wrongShape} record(s) do not have the header's {Columns.Count} fields ({string.Join("; ", problems)}{(wrongShape > problems.Count ? "; …" : string.Empty)}). " +
                    $"A value that contains the delimiter '{_delimiter}' (such as an unquoted 1,250.00) must be in double quotes, and every line needs every field, empty or not.");
            }

            return rows;
        }

        /// <summary>
        /// Each data row with the physical line it starts on, as column name → text, in file order: the bytes that were
        /// counted and hashed (<see cref="InputBytes"/>), and once <see cref="Sha256"/> was taken, checked to be those
        /// after the last row.
        /// </summary>
        public IEnumerable<CsvRow> Rows()
        {
            using (var pass = _bytes.ReadHashing())
            using (var reader = new StreamReader(pass, _encoding, detectEncodingFromByteOrderMarks: true, InputBytes.BufferSize))
            {
                foreach (var record in DataRecords(reader))
                {
                    if (record.Fields.Count != Columns.Count)
                    {
                        throw Refusal($"line {record.Line} has {record.Fields.Count} fields, the header {Columns.Count} (the file changed while it was read?).");
                    }

                    var row = new Dictionary<string, string>(Columns.Count, StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < Columns.Count; i++)
                    {
                        row[Columns[i]] = record.Fields[i];
                    }

                    yield return new CsvRow(record.Line, row);
                }

                if (_sha256 != null && pass.Hash() != _sha256)
                {
                    throw new PayoutRequestException($"{_path} changed in place while its rows were paid: the bytes read differ from those checked and hashed. " +
                        "Rows read after the change may not be what was checked; Get-PayoutBatch shows what was paid. Write payroll files whole (save as a new file) while a batch runs.", "Path");
                }
            }
        }

        /// <summary>Whether the file on disk is no longer the bytes read (see <see cref="InputBytes.ChangedOnDisk"/>).</summary>
        public bool ChangedOnDisk() => _bytes.ChangedOnDisk();

        public string Where(int line) => "CSV line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Dispose() => _bytes.Dispose();

        /// <summary>The records after the header (read into <see cref="Columns"/>), blank ones skipped and counted in <see cref="BlankLines"/>.</summary>
        private IEnumerable<Record> DataRecords(StreamReader reader)
        {
            var header = true;
            BlankLines = 0;
            Columns = Array.Empty<string>();
            foreach (var record in Records(reader))
            {
                if (header)
                {
                    Columns = ReadHeader(record);
                    header = false;
                }
                else if (IsBlank(record.Fields))
                {
                    BlankLines++;
                }
                else
                {
                    yield return record;
                }
            }
        }

        private StreamReader Open() => new StreamReader(_bytes.Read(), _encoding, detectEncodingFromByteOrderMarks: true, InputBytes.BufferSize);

        /// <summary>
        /// A record whose fields are the header's names (in any order, any case) is a second header: two exports joined
        /// into one file. Read as a row it would be refused with a misleading message, and every row after it would be
        /// read under the first header: swapped columns (LastName,FirstName) would send Smith as the first name.
        /// </summary>
        private void RefuseRepeatedHeader(Record record, HashSet<string> names)
        {
            if (record.Fields.Count != Columns.Count || !names.Contains(record.Fields[0].Trim()))
            {
                return; // a data row: its first value is no column name (the common case, decided at once)
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in record.Fields)
            {
                if (!names.Contains(field.Trim()) || !seen.Add(field.Trim()))
                {
                    return;
                }
            }

            var sameOrder = true;
            for (var i = 0; i < Columns.Count; i++)
            {
                sameOrder &= string.Equals(record.Fields[i].Trim(), Columns[i], StringComparison.OrdinalIgnoreCase);
            }

            throw Refusal($"line {record.Line} repeats the header{(sameOrder ? string.Empty : " with its columns in another order")}: this looks like two files joined. " +
                          "Pay each file on its own, or remove the second header line" + (sameOrder ? "." : " and put the rows after it in the first header's column order."));
        }

        /// <summary>Names trimmed; a blank or repeated name (ignoring case) would leave a value without a field, or let one column silently win.</summary>
        private List<string> ReadHeader(Record record)
        {
            var names = new List<string>(record.Fields.Count);
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < record.Fields.Count; i++)
            {
                var name = record.Fields[i].Trim();
                if (name.Length == 0)
                {
                    throw Refusal(record.Fields.Count == 1
                        ? $"line {record.Line}, its header, is empty. The first line must name the columns (RequestId, FirstName, …)."
                        : $"column {i + 1} of the header (line {record.Line}) has no name (a stray delimiter at the end of the line?). Name every column, or remove the empty one.");
                }

                if (seen.TryGetValue(name, out var first))
                {
                    throw Refusal($"the header (line {record.Line}) names '{name}' twice (columns {first} and {i + 1}; names are compared ignoring case). Only one of them can be meant: remove or rename the other.");
                }

                seen[name] = i + 1;
                names.Add(name);
            }

            if (names.Count == 1)
            {
                foreach (var other in new[] { ';', ',', '\t', '|' })
                {
                    if (other != _delimiter && names[0].IndexOf(other) >= 0)
                    {
                        var shown = other == '\t' ? "\"`t\"" : $"'{other}'";
                        throw Refusal($"its header (line {record.Line}) is one column, '{(names[0].Length <= 60 ? names[0] : names[0].Substring(0, 60) + "…")}': the file is separated by {shown}. Give -Delimiter {shown}, or add a first line sep={other}.");
                    }
                }
            }

            return names;
        }

        /// <summary>A blank line, or a line of empty fields only (Excel writes ",,,," for rows it once formatted).</summary>
        private static bool IsBlank(List<string> fields)
        {
            foreach (var field in fields)
            {
                if (!string.IsNullOrWhiteSpace(field))
                {
                    return false;
                }
            }

            return true;
        }

        private IEnumerable<Record> Records(StreamReader stream)
        {
            var reader = new CharSource(stream, this);
            var line = 1;
            if (ReadSeparatorLine(reader))
            {
                line++;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var closed = false; // the current field's closing quote was read
            var recordLine = line;
            var quoteLine = 0;
            int c;
            while ((c = reader.Read(line)) >= 0)
            {
                var ch = (char)c;
                if (ch == '\0')
                {
                    throw Refusal($"line {line} holds a NUL character: this is not a text file in {_encoding.WebName}. It is binary, or UTF-16 without a byte-order mark " +
                                  "(then give -Encoding unicode); a spreadsheet must be saved as \"CSV UTF-8\" first.");
                }

                if (ch >= '\u0080' && ch <= '\u009F')
                {
                    // What a code page gives for a byte it leaves undefined (0x81 in Windows-1252); never text.
                    throw Refusal($"line {line} has a byte that is not {_encoding.WebName} text (it decodes to the control character U+{(int)ch:X4}). " +
                                  "Give the file's real encoding with -Encoding, or save it from Excel as \"CSV UTF-8\".");
                }

                if (quoted)
                {
                    if (ch != '"')
                    {
                        field.Append(ch);
                        if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                        {
                            line++; // a line break inside a quoted value is a physical line, kept as written
                        }
                    }
                    else if (reader.Peek() == '"')
                    {
                        field.Append((char)reader.Read(line));
                    }
                    else
                    {
                        quoted = false;
                        closed = true;
                    }
                }
                else if (ch == _delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    closed = false;
                }
                else if (ch == '\r' || ch == '\n')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read(line);
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    closed = false;
                    yield return new Record(recordLine, fields);
                    fields = new List<string>();
                    line++;
                    recordLine = line;
                }
                else if (closed)
                {
                    if (ch != ' ')
                    {
                        throw Refusal($"line {line} has text after the closing quote of field {fields.Count + 1} ('{ch}'). A quote inside a quoted value is written twice (\"\"); put the whole value in the quotes.");
                    }
                }
                else if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                    quoteLine = line;
                }
                else
                {
                    field.Append(ch);
                }
            }

            if (quoted)
            {
                throw Refusal($"the quote that opens field {fields.Count + 1} on line {quoteLine} is never closed, so the rest of the file would be one value. " +
                              "Close it; a quote inside a quoted value is written twice (\"\").");
            }

            if (field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                yield return new Record(recordLine, fields);
            }
        }

        /// <summary>Excel's "sep=;" first line sets the delimiter and is not the header; any other first line is put back.</summary>
        private bool ReadSeparatorLine(CharSource reader)
        {
            var first = new StringBuilder();
            while (first.Length < 6 && reader.Peek() >= 0 && reader.Peek() != '\r' && reader.Peek() != '\n')
            {
                first.Append((char)reader.Read(1));
            }

            var text = first.ToString();
            var endsLine = reader.Peek() < 0 || reader.Peek() == '\r' || reader.Peek() == '\n';
            if (text.Length == 5 && endsLine && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
            {
                _delimiter = text[4];
                if (reader.Read(1) == '\r' && reader.Peek() == '\n')
                {
                    reader.Read(1);
                }

                return true;
            }

            if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
            {
                throw Refusal("its first line starts like Excel's delimiter line but is not 'sep=' followed by one character. Fix or remove that line.");
            }

            reader.PutBack(text);
            return false;
        }

        /// <summary>
        /// UTF-8 bytes read as a single-byte code page decode without error, as "JÃ¼rgen": when every non-ASCII byte
        /// of the file forms valid UTF-8, the file is UTF-8 (text in Windows-1252 with accents almost never is).
        /// </summary>
        private void RefuseUtf8ReadAsCodePage()
        {
            if (!_encoding.IsSingleByte)
            {
                return;
            }

            var strict = new UTF8Encoding(false, true).GetDecoder();
            var buffer = new byte[64 * 1024];
            var chars = new char[_encoding.GetMaxCharCount(buffer.Length) + 2];
            var sawMultiByte = false;
            using (var stream = _bytes.Read())
            {
                int read;
                try
                {
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        sawMultiByte |= Array.FindIndex(buffer, 0, read, b => b >= 0x80) >= 0;
                        strict.GetChars(buffer, 0, read, chars, 0, flush: false);
                    }

                    strict.GetChars(buffer, 0, 0, chars, 0, flush: true);
                }
                catch (DecoderFallbackException)
                {
                    return; // not UTF-8: the code page may well be right
                }
            }

            if (sawMultiByte)
            {
                throw Refusal($"its text is UTF-8, but it is being read as {_encoding.WebName}, which would turn ü into Ã¼ and é into Ã©. " +
                              "Leave out -Encoding (UTF-8 is the default), or give -Encoding utf8.");
            }
        }

        /// <summary>NUL bytes at the start: text files have none; UTF-16 and binary files have many.</summary>
        private bool HasNulBytes()
        {
            using (var stream = _bytes.Read())
            {
                var buffer = new byte[4096];
                var read = stream.Read(buffer, 0, buffer.Length);
                return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
            }
        }

        private PayoutRequestException Refusal(string problem) =>
            new PayoutRequestException($"{_path}: {problem} Nothing was sent.", "Path");

        /// <summary>The decoded text, with room to put back the characters read while looking for a "sep=" line.</summary>
        private sealed class CharSource
        {
            private readonly StreamReader _reader;
            private readonly CsvFile _file;
            private string _back = string.Empty;
            private int _next;

            public CharSource(StreamReader reader, CsvFile file)
            {
                _reader = reader;
                _file = file;
            }

            public void PutBack(string text)
            {
                _back = text;
                _next = 0;
            }

            public int Peek() => _next < _back.Length ? _back[_next] : Decode(_reader.Peek, 1);

            public int Read(int line) => _next < _back.Length ? _back[_next++] : Decode(_reader.Read, line);

            private int Decode(Func<int> read, int line)
            {
                try
                {
                    return read();
                }
                catch (DecoderFallbackException)
                {
                    throw _file.Refusal(_file.HasNulBytes()
                        ? $"line {line} cannot be decoded as {_file._encoding.WebName} and the file holds NUL bytes: it is binary, or UTF-16 without a byte-order mark " +
                          "(then give -Encoding unicode); a spreadsheet must be saved as \"CSV UTF-8\" first."
                        : $"line {line} has a byte that is not {_file._encoding.WebName} text. Save the file from Excel as \"CSV UTF-8\", or give its encoding, " +
                          "such as -Encoding 1252 for a Windows Excel export.");
                }
            }
        }

        private readonly struct Record
        {
            public Record(int line, List<string> fields)
            {
                Line = line;
                Fields = fields;
            }

            public int Line { get; }

            public List<string> Fields { get; }
        }
    }

    /// <summary>One data row of a CSV file: the physical line it starts on, and its values by column name.</summary>
    public sealed class CsvRow
    {
        public CsvRow(int line, Dictionary<string, string> fields)
        {
            Line = line;
            Fields = fields;
        }

        public int Line { get; }

        public Dictionary<string, string> Fields { get; }
    }
}
