using System;
using System.IO;
using System.Linq;
using System.Text;
using PayoutPS.Core.Input;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The module's own CSV reader (New-Payout -Path): RFC 4180, strict about shape and decoding, with physical line numbers.</summary>
    public sealed class CsvFileTests : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "payoutps-csv-" + Guid.NewGuid().ToString("N") + ".csv");

        public void Dispose() => File.Delete(_path);

        private CsvFile Write(byte[] bytes, char delimiter = ',', Encoding? encoding = null)
        {
            File.WriteAllBytes(_path, bytes);
            return new CsvFile(_path, encoding, delimiter);
        }

        [Fact]
        public void Quotes_delimiters_doubled_quotes_and_line_breaks_inside_fields()
        {
            var csv = Write(Encoding.UTF8.GetBytes("A,B,C\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\r\n"));

            var rows = csv.Rows().ToList();

            Assert.Equal(2, rows.Count);
            Assert.Equal(2, csv.CountRows()); // records, not the file's four lines
            Assert.Equal("x, y", rows[0].Fields["B"]);
            Assert.Equal("say \"hi\"", rows[0].Fields["C"]);
            Assert.Equal("two\nlines", rows[1].Fields["B"]);
            Assert.Equal(string.Empty, rows[1].Fields["C"]);
        }

        [Fact]
        public void Rows_appended_after_the_file_was_checked_are_not_read_and_the_change_is_told()
        {
            using var csv = Write(Encoding.UTF8.GetBytes("A,B\n1,x\n2,y\n"));
            Assert.Equal(2, csv.CountRows());
            var hash = csv.Sha256();
            Assert.False(csv.ChangedOnDisk());

            File.AppendAllText(_path, "3,z\n");

            Assert.Equal(new[] { "1", "2" }, csv.Rows().Select(r => r.Fields["A"]).ToArray());
            Assert.Equal(2, csv.CountRows());
            Assert.Equal(hash, csv.Sha256());
            Assert.True(csv.ChangedOnDisk());
        }

        [Fact]
        public void A_file_changed_in_place_while_its_rows_are_read_stops_after_its_last_row()
        {
            using var csv = Write(Encoding.UTF8.GetBytes("A,B\n1,x\n2,y\n"));
            csv.CountRows();
            csv.Sha256();
            using (var inPlace = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                inPlace.Position = 6;
                inPlace.WriteByte((byte)'q'); // "1,x" becomes "1,q": same length, other bytes
            }

            var error = Assert.Throws<PayoutRequestException>(() => csv.Rows().ToList());
            Assert.Contains("changed in place", error.Message);
        }

        [Fact]
        public void A_pipe_is_refused_with_the_fix_since_it_cannot_be_read_twice()
        {
            var fifo = _path + ".fifo";
            using (var make = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                make.WaitForExit();
                Assert.Equal(0, make.ExitCode);
            }

            try
            {
                // Opening a pipe to read waits for a writer: one writes a row from another thread.
                var writer = new System.Threading.Thread(() =>
                {
                    try
                    {
                        File.WriteAllText(fifo, "A,B\n1,x\n");
                    }
                    catch (IOException)
                    {
                        // the reader refused and closed the pipe first
                    }
                });
                writer.Start();
                var error = Assert.Throws<PayoutRequestException>(() => new CsvFile(fifo, null, ','));
                Assert.Contains("Save it to a file first", error.Message);
                Assert.True(writer.Join(TimeSpan.FromSeconds(30)));
            }
            finally
            {
                File.Delete(fifo);
            }
        }

        [Theory]
        [InlineData("RequestId,FirstName,LastName\nR-1,Bob,Smith\nrequestid,firstname,lastname\nR-2,Ann,Lee\n", "line 3 repeats the header: this looks like two files joined")]
        [InlineData("RequestId,FirstName,LastName\nR-1,Bob,Smith\nRequestId,LastName,FirstName\nR-2,Lee,Ann\n", "line 3 repeats the header with its columns in another order")]
        public void A_second_header_is_refused_before_any_row_as_two_files_joined(string text, string expected)
        {
            using var csv = Write(Encoding.UTF8.GetBytes(text));

            var error = Assert.Throws<PayoutRequestException>(() => csv.CountRows());

            Assert.Contains(expected, error.Message);
            Assert.Contains("Nothing was sent", error.Message);
        }

        [Fact]
        public void A_row_whose_first_value_happens_to_be_a_column_name_is_a_row()
        {
            using var csv = Write(Encoding.UTF8.GetBytes("Name,Note\nNote,Name is here\n"));

            Assert.Equal(1, csv.CountRows());
        }

        [Fact]
        public void Blank_lines_and_a_header_alone_count_as_no_rows()
        {
            Assert.Equal(2, Write(Encoding.UTF8.GetBytes("A,B\n\n1,2\r\n\r\n3,4\n\n")).CountRows());
            Assert.Equal(0, Write(Encoding.UTF8.GetBytes("A,B\n")).CountRows());
            Assert.Equal(0, Write(System.Array.Empty<byte>()).CountRows());
        }

        [Fact]
        public void A_byte_order_mark_and_a_semicolon_separator()
        {
            var csv = Write(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("RequestId;Amount\nR-1;1,50")).ToArray(), ';');

            var row = Assert.Single(csv.Rows());

            Assert.Equal("R-1", row.Fields["RequestId"]);
            Assert.Equal("1,50", row.Fields["Amount"]);
        }

        [Fact]
        public void A_windows_1252_file_is_refused_as_utf8_before_any_row_and_read_with_its_encoding()
        {
            var bytes = Encoding.Latin1.GetBytes("Name\nJürgen\n");
            var strict = Write(bytes);

            var error = Assert.Throws<PayoutRequestException>(() => strict.CountRows());
            Assert.Contains("-Encoding 1252", error.Message);

            Assert.Equal("Jürgen", Assert.Single(new CsvFile(_path, Encoding.Latin1, ',').Rows()).Fields["Name"]);
        }

        [Fact]
        public void Rows_carry_the_physical_line_they_start_on_after_blank_lines_and_multi_line_cells()
        {
            var csv = Write(Encoding.UTF8.GetBytes("A,B\r\n\r\n1,\"two\r\nlines\"\r\n,\r\n2,x\n\"3\",\"a\nb\nc\"\n4,y"));

            Assert.Equal(4, csv.CountRows());
            Assert.Equal(2, csv.BlankLines); // the empty line and Excel's all-empty ","
            Assert.Equal(new[] { 3, 6, 7, 10 }, csv.Rows().Select(r => r.Line).ToArray());
        }

        [Theory]
        [InlineData("A,B\n1,2,3\n", "line 2 has 3 fields")] // an unquoted 1,250.00 in the last column
        [InlineData("A,B,C\n1,2,3\n\n4,5\n", "line 4 has 2 fields")]
        [InlineData("A,B\n1,\"2\n3,4\n5,6\n", "opens field 2 on line 2 is never closed")]
        [InlineData("A,,B\n1,2,3\n", "column 2 of the header (line 1) has no name")]
        [InlineData("SendAmount,Name,sendamount \n10.00,x,1000.00\n", "names 'sendamount' twice (columns 1 and 3")]
        [InlineData("A,B\n\"1\"x,2\n", "line 2 has text after the closing quote of field 1")]
        [InlineData("A,B\n1,\0\n", "line 2 holds a NUL character")]
        public void A_file_whose_shape_could_change_a_row_is_refused_naming_the_line(string text, string expected)
        {
            var csv = Write(Encoding.UTF8.GetBytes(text));

            var error = Assert.Throws<PayoutRequestException>(() => csv.CountRows());

            Assert.Contains(expected, error.Message);
            Assert.EndsWith("Nothing was sent.", error.Message);
        }

        [Fact]
        public void Every_wrong_line_is_counted_and_the_first_five_are_named()
        {
            var text = "A,B\n" + string.Concat(Enumerable.Range(0, 7).Select(i => "1,2,3\n"));

            var error = Assert.Throws<PayoutRequestException>(() => Write(Encoding.UTF8.GetBytes(text)).CountRows());

            Assert.Contains("7 record(s) do not have the header's 2 fields (line 2 has 3 fields; line 3", error.Message);
            Assert.Contains("line 6 has 3 fields; …", error.Message);
        }

        [Fact]
        public void An_excel_sep_line_sets_the_delimiter_and_is_not_the_header()
        {
            var csv = Write(Encoding.UTF8.GetBytes("sep=;\r\nRequestId;Amount\r\nR-1;1,50\r\n"));

            Assert.Equal(1, csv.CountRows());
            var row = Assert.Single(csv.Rows());
            Assert.Equal(3, row.Line);
            Assert.Equal("1,50", row.Fields["Amount"]);
            Assert.Equal(';', csv.Delimiter);
            Assert.Equal(new[] { "RequestId", "Amount" }, csv.Columns);
        }

        [Fact]
        public void A_header_that_starts_like_sep_but_is_not_one_is_read_as_the_header()
        {
            var csv = Write(Encoding.UTF8.GetBytes("separator,sendAmount\nx,1\n"));

            Assert.Equal(1, csv.CountRows());
            Assert.Equal("1", Assert.Single(csv.Rows()).Fields["sendAmount"]);
        }

        [Fact]
        public void Utf8_read_as_windows_1252_is_refused_and_undefined_1252_bytes_stop_the_read()
        {
            System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var cp1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            var utf8 = Write(Encoding.UTF8.GetBytes("Name\nJürgen Müller\n"), encoding: cp1252);

            var error = Assert.Throws<PayoutRequestException>(() => utf8.CountRows());
            Assert.Contains("its text is UTF-8, but it is being read as windows-1252", error.Message);

            var undefined = Write(new byte[] { (byte)'N', (byte)'\n', 0x81, (byte)'\n' }, encoding: cp1252);
            Assert.Contains("line 2 has a byte that is not windows-1252 text (it decodes to the control character U+0081)", Assert.Throws<PayoutRequestException>(() => undefined.CountRows()).Message);

            var real1252 = Write(cp1252.GetBytes("Name\nJürgen Müller\n"), encoding: cp1252);
            Assert.Equal("Jürgen Müller", Assert.Single(real1252.Rows()).Fields["Name"]);
        }

        [Fact]
        public void The_journal_records_the_file_sha256()
        {
            var bytes = Encoding.UTF8.GetBytes("A\n1\n2");
            var csv = Write(bytes);

            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), csv.Sha256());
        }
    }
}
