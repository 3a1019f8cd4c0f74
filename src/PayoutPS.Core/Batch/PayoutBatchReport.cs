namespace PayoutPS.Core.Batch
{
    /// <summary>What Get-PayoutBatch -Report wrote: the page, the CSV of every row beside it, and the batch's exit code.</summary>
    public sealed class PayoutBatchReport
    {
        public PayoutBatchReport(string page, string rowsCsv, int rows, int exitCode)
        {
            Page = page;
            RowsCsv = rowsCsv;
            Rows = rows;
            ExitCode = exitCode;
        }

        /// <summary>The self-contained HTML page.</summary>
        public string Page { get; }

        /// <summary>Every row as CSV (the page lists each section up to <see cref="BatchReport.RowsListed"/> rows).</summary>
        public string RowsCsv { get; }

        public int Rows { get; }

        /// <summary>The batch's exit code, as Get-PayoutBatch -Summary gives it.</summary>
        public int ExitCode { get; }

        /// <summary>The CSV beside a page: payroll.html → payroll.rows.csv.</summary>
        public static string CsvBeside(string page) => System.IO.Path.ChangeExtension(page, ".rows.csv");
    }
}
