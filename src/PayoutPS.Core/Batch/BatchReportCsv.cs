using System;
using System.IO;
using System.Text;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Every row of a batch as CSV beside the report's page, which lists rows only up to a limit. Written as the rows
    /// are read, so a million-row batch is never held. A text a spreadsheet would run as a formula (=, +, -, @ first)
    /// is written as text, with a leading apostrophe: a payee's name is data, never a command.
    /// </summary>
    public sealed class BatchReportCsv : IDisposable
    {
        public const string Header = "Row,RequestId,Payee,Amount,Currency,Outcome,Status,StatusName,PayoutId,SourceAmount,SourceCurrency,Fee,TargetAmount,TargetCurrency,Reason";

        private readonly TextWriter _writer;
        private readonly StringBuilder _line = new StringBuilder(256);

        public BatchReportCsv(TextWriter writer)
        {
            _writer = writer;
            _writer.WriteLine(Header);
        }

        /// <summary>How many rows were written.</summary>
        public int Rows { get; private set; }

        public void Add(BatchRowState row)
        {
            _line.Clear();
            _line.Append(row.Row);
            foreach (var text in new[]
            {
                row.RequestId, row.Payee, row.Amount, row.Currency, row.Outcome.ToString(), row.Status, row.StatusName, row.PayoutId,
                row.SourceAmount, row.SourceCurrency, row.Fee, row.TargetAmount, row.TargetCurrency, row.Error,
            })
            {
                _line.Append(',');
                Field(_line, text);
            }

            _writer.WriteLine(_line.ToString());
            Rows++;
        }

        public void Dispose() => _writer.Dispose();

        /// <summary>One field by RFC 4180: quoted when it holds a comma, a quote or a line break; a formula's first character made text.</summary>
        private static void Field(StringBuilder line, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var value = text!.IndexOfAny(FormulaStarts) == 0 && !IsNumber(text) ? "'" + text : text;
            if (value.IndexOfAny(MustQuote) < 0)
            {
                line.Append(value);
                return;
            }

            line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        }

        private static bool IsNumber(string text) => decimal.TryParse(text, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);

        private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r' };

        private static readonly char[] MustQuote = { ',', '"', '\r', '\n' };
    }
}
