using System;
using System.IO;
using System.Linq;
using System.Text;
using PayoutPS.Core.Input;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The module's own CSV reader (New-Payout -Path): RFC 4180 and strict decoding.</summary>
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
            Assert.Equal("x, y", rows[0]["B"]);
            Assert.Equal("say \"hi\"", rows[0]["C"]);
            Assert.Equal("two\nlines", rows[1]["B"]);
            Assert.Equal(string.Empty, rows[1]["C"]);
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

            Assert.Equal("R-1", row["RequestId"]);
            Assert.Equal("1,50", row["Amount"]);
        }

        [Fact]
        public void A_windows_1252_file_is_refused_as_utf8_before_any_row_and_read_with_its_encoding()
        {
            var bytes = Encoding.Latin1.GetBytes("Name\nJürgen\n");
            var strict = Write(bytes);

            var error = Assert.Throws<PayoutRequestException>(() => strict.CountRows());
            Assert.Contains("-Encoding 1252", error.Message);

            Assert.Equal("Jürgen", Assert.Single(new CsvFile(_path, Encoding.Latin1, ',').Rows())["Name"]);
        }

        [Fact]
        public void The_fingerprint_is_the_file_sha256_and_its_line_count()
        {
            var bytes = Encoding.UTF8.GetBytes("A\n1\n2");
            var csv = Write(bytes);

            var (hash, lines) = csv.Fingerprint();

            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), hash);
            Assert.Equal(3, lines);
        }
    }
}
