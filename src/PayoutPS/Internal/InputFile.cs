using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.IO;
using PayoutPS.Core;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>The file New-Payout -Path pays (CSV, or an ISO 20022 pain.001): where it is, what it hashed to, and its reader.</summary>
    internal sealed class InputFile : IDisposable
    {
        public InputFile(string fullPath, string hash, IRowFile source)
        {
            FullPath = fullPath;
            Hash = hash;
            Source = source;
        }

        public string FullPath { get; }

        public string Hash { get; }

        /// <summary>The rows' reader: a CSV file, or a pain.001 when the file is XML.</summary>
        public IRowFile Source { get; }

        public void Dispose() => Source.Dispose();

        /// <summary>The warning for a file written to or replaced while it was paid; null when it is still the bytes read.</summary>
        public string? ChangedSinceRead(int rows) => !Source.ChangedOnDisk() ? null
            : $"{FullPath} changed on disk while it was paid (written to, or replaced): only the {rows} row(s) it held when it was checked, " +
              $"hashed and priced were paid (SHA-256 {Hash}). Rows added since are not in this batch; pay them as a file of their own.";

        /// <summary>
        /// -Path as PowerShell gives it (relative, ~, a PSDrive) as one file's full path. Empty is refused; a wildcard that
        /// matches files (and no file of that very name) is refused with what it matched: -Path pays one file.
        /// </summary>
        public static string Resolve(PathIntrinsics paths, string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new PayoutRequestException("-Path is empty: give the CSV file to pay, such as -Path .\\payroll.csv.", "Path");
            }

            var full = paths.GetUnresolvedProviderPathFromPSPath(path);
            if (File.Exists(full) || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                return full;
            }

            List<string> matched;
            try
            {
                matched = paths.GetResolvedProviderPathFromPSPath(path, out _).Select(p => Path.GetFileName(p) ?? p).ToList();
            }
            catch (ItemNotFoundException)
            {
                return full; // matches nothing: "no such file", said by the read
            }

            throw new PayoutRequestException($"-Path {path} matches {matched.Count} file(s) ({string.Join(", ", matched.Take(5))}{(matched.Count > 5 ? ", …" : string.Empty)}); -Path takes one file. " +
                                             $"Pay each on its own: Get-ChildItem {path} | ForEach-Object {{ New-Payout -Path $_.FullName -Journal \"$($_.FullName).journal\" }}.", "Path");
        }

        /// <summary>New-Payout -Path: the file read as a whole (see <see cref="Read"/>) and fingerprinted, with its rows counted.</summary>
        public static InputFile Open(string path, string? encoding, char delimiter, RowMapper mapper, IReadOnlyDictionary<string, object?> commandLine, BatchCost? cost, out int rows)
        {
            var (source, count) = Read(path, encoding, delimiter, mapper, commandLine, cost);
            rows = count;
            return new InputFile(path, source.Sha256(), source);
        }

        /// <summary>
        /// Reads a payroll file as a whole, as New-Payout -Path does before its first row: a path that is no file, a
        /// wrong encoding or shape, or a header of no known column is refused. Each row goes into <paramref name="cost"/>
        /// when given. Returns the reader (the caller disposes it), whose <see cref="IRowFile.Rows"/> then yields the same bytes' rows, and their number.
        /// </summary>
        public static (IRowFile Source, int Rows) Read(string path, string? encoding, char delimiter, RowMapper mapper, IReadOnlyDictionary<string, object?> commandLine, BatchCost? cost)
        {
            RefuseUnreadable(path);
            var xml = Core.Iso20022.Pain001File.IsXml(path);
            if (xml && (!string.IsNullOrWhiteSpace(encoding) || delimiter != ','))
            {
                throw new PayoutRequestException($"-Path {path} is XML (an ISO 20022 pain.001), which names its own encoding and has no delimiter: leave out -Encoding and -Delimiter.", "Path");
            }

            IRowFile csv = xml ? new Core.Iso20022.Pain001File(path) : new CsvFile(path, EncodingOf(encoding), delimiter);
            try
            {
                var rows = csv.CountRows(cost == null ? null : BatchCosting.Collect(cost, csv, mapper, commandLine));
                RefuseForeignHeader(path, csv, mapper.Knows);
                return (csv, rows);
            }
            catch
            {
                csv.Dispose();
                throw;
            }
        }

        /// <summary>A folder, a missing file or a missing folder, said as such (the runtime's words are "Access denied" for a folder).</summary>
        private static void RefuseUnreadable(string path)
        {
            if (System.IO.Directory.Exists(path))
            {
                throw new PayoutRequestException($"-Path {path} is a folder; give the CSV file in it.", "Path");
            }

            if (!System.IO.File.Exists(path))
            {
                var folder = System.IO.Path.GetDirectoryName(path);
                throw new PayoutRequestException(folder != null && !System.IO.Directory.Exists(folder)
                    ? $"-Path {path}: the folder {folder} does not exist."
                    : $"-Path {path}: there is no such file.", "Path");
            }
        }

        /// <summary>
        /// A header none of whose columns New-Payout knows: the wrong encoding, or another file. Said as the cause,
        /// not as every row's symptom ("SourceCurrency '' must be an ISO 4217 code"). (A one-column header holding
        /// another delimiter is named by the reader; UTF-16 without a byte-order mark by its NUL bytes.)
        /// </summary>
        private static void RefuseForeignHeader(string path, IRowFile csv, Func<string, bool> knows)
        {
            if (csv.Columns.Count == 0 || csv.Columns.Any(knows))
            {
                return;
            }

            throw new PayoutRequestException(
                $"{path}: its header names no New-Payout column ({Shorten(string.Join(", ", csv.Columns))}). Is the encoding right (a UTF-16 file needs -Encoding unicode), " +
                "or is this another file? Nothing was sent.", "Path");
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "…";

        /// <summary>"utf-8", "1252", "windows-1252"…; null for strict UTF-8.</summary>
        private static System.Text.Encoding? EncodingOf(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

#if !NETFRAMEWORK
            // .NET Core knows only the Unicode encodings until the code pages are registered.
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
#endif
            // Strict: a byte the encoding does not define stops the read instead of becoming '?' or '\uFFFD'.
            var strict = System.Text.DecoderFallback.ExceptionFallback;
            try
            {
                return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                    ? System.Text.Encoding.GetEncoding(codePage, System.Text.EncoderFallback.ExceptionFallback, strict)
                    : System.Text.Encoding.GetEncoding(name!.Trim(), System.Text.EncoderFallback.ExceptionFallback, strict);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException)
            {
                throw new PayoutRequestException($"-Encoding {name} names no encoding. Give utf-8 (the default), utf-16, or a Windows code page such as 1252 (Western European) " +
                                                 "or 1250 (Central European), by number or name (windows-1252).", "Encoding");
            }
        }
    }
}
