using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// A payroll file read as RFC 4180 CSV, streaming: a header row, then one record per row (quoted fields may
    /// hold the delimiter, doubled quotes and line breaks). Text is decoded strictly: a byte that is not valid
    /// in the file's encoding stops the read with the fix, instead of sending "J�rgen" to a bank.
    /// </summary>
    public sealed class CsvFile
    {
        private readonly string _path;
        private readonly Encoding _encoding;
        private readonly char _delimiter;

        public CsvFile(string path, Encoding? encoding, char delimiter)
        {
            _path = path;
            _encoding = encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            _delimiter = delimiter;
        }

        /// <summary>SHA-256 of the file's bytes (lowercase hex) and its number of lines, in one pass.</summary>
        public (string Hash, int Lines) Fingerprint()
        {
            using (var stream = File.OpenRead(_path))
            using (var sha = SHA256.Create())
            {
                var buffer = new byte[64 * 1024];
                var lines = 0;
                var last = (byte)'\n';
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    sha.TransformBlock(buffer, 0, read, null, 0);
                    for (var i = 0; i < read; i++)
                    {
                        if (buffer[i] == '\n')
                        {
                            lines++;
                        }
                    }

                    last = buffer[read - 1];
                }

                sha.TransformFinalBlock(buffer, 0, 0);
                return (Signing.Hex.ToLower(sha.Hash!), last == '\n' ? lines : lines + 1);
            }
        }

        /// <summary>
        /// Reads the whole file once through its decoder, so a file in the wrong encoding is refused before any row
        /// is sent, and returns how many data rows it has (records, not lines: blank lines and multi-line cells do
        /// not count), as <see cref="Rows"/> will yield them.
        /// </summary>
        public int CountRows()
        {
            using (var reader = new StreamReader(_path, _encoding, detectEncodingFromByteOrderMarks: true))
            {
                var rows = -1; // the header is not a row
                foreach (var record in Records(reader))
                {
                    if (rows < 0 || !IsEmptyLine(record))
                    {
                        rows++;
                    }
                }

                return Math.Max(0, rows);
            }
        }

        /// <summary>Each data row as column name → text, in file order.</summary>
        public IEnumerable<Dictionary<string, string>> Rows()
        {
            using (var reader = new StreamReader(_path, _encoding, detectEncodingFromByteOrderMarks: true))
            {
                List<string>? header = null;
                foreach (var record in Records(reader))
                {
                    if (header == null)
                    {
                        header = record;
                        continue;
                    }

                    if (IsEmptyLine(record))
                    {
                        continue;
                    }

                    var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < header.Count; i++)
                    {
                        row[header[i]] = i < record.Count ? record[i] : string.Empty;
                    }

                    yield return row;
                }
            }
        }

        private static bool IsEmptyLine(List<string> record) => record.Count == 1 && record[0].Length == 0;

        private IEnumerable<List<string>> Records(StreamReader reader)
        {
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            int c;
            while ((c = Read(reader.Read)) >= 0)
            {
                var ch = (char)c;
                if (quoted)
                {
                    if (ch != '"')
                    {
                        field.Append(ch);
                    }
                    else if (reader.Peek() == '"')
                    {
                        field.Append((char)reader.Read());
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == _delimiter)
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (ch == '\r' || ch == '\n')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = new List<string>();
                }
                else
                {
                    field.Append(ch);
                }
            }

            if (field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                yield return record;
            }
        }

        private int Read(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (DecoderFallbackException)
            {
                throw new PayoutRequestException(
                    $"{_path} is not {_encoding.WebName} text (a byte cannot be decoded). Save it from Excel as \"CSV UTF-8\", or give its encoding, " +
                    "such as -Encoding 1252 for a Windows Excel export. Nothing was sent.", "Path");
            }
        }
    }
}
