using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// A batch as one self-contained HTML page for the people who approve a payroll: the batch and its input file,
    /// totals per currency, a bar per state, the rows that need a look with their reason and fix, and the ledger's
    /// verdicts when reconciled. No script, font, image or link leaves the page: it opens offline and prints on A4.
    /// Account numbers are masked (the journal holds only masked payees); every text is HTML-encoded.
    /// </summary>
    public sealed class BatchReport
    {
        /// <summary>Rows listed per section; the rest are counted ("and 1,234 more"), so a million-row batch stays a page and its rows are never all held.</summary>
        public const int RowsListed = 500;

        private readonly Dictionary<string, (int Payouts, decimal Received)> _received = new Dictionary<string, (int, decimal)>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _states = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Section _paid = new Section();
        private readonly Section _inDoubt = new Section();
        private readonly Section _notPaid = new Section();
        private int _rows;

        /// <summary>Takes one row into the totals, the bars and, within the limit, the lists.</summary>
        public void Add(BatchRowState row)
        {
            _rows++;
            var state = row.IsCreated ? PayoutStatusCodes.Name(row.Status) ?? "Made" : row.Outcome.ToString();
            _states.TryGetValue(state, out var count);
            _states[state] = count + 1;
            if (row.IsPaid)
            {
                _paid.Add(row);
                if (row.TargetCurrency != null)
                {
                    _received.TryGetValue(row.TargetCurrency, out var received);
                    _received[row.TargetCurrency] = (received.Payouts + 1, received.Received + (MoneyText.Parse(row.TargetAmount) ?? 0m));
                }
            }
            else if (row.Outcome == RowOutcome.InDoubt || row.Outcome == RowOutcome.NotSent)
            {
                _inDoubt.Add(row);
            }
            else if (!row.IsCreated)
            {
                _notPaid.Add(row);
            }
        }

        /// <param name="csvName">The file beside the page that lists every row (see <see cref="BatchReportCsv"/>), named where the page's lists stop.</param>
        public string Render(JournalHeader header, PayoutBatchSummary summary, PayoutReconciliation? reconciliation, DateTime generatedUtc, string? csvName = null)
        {
            var title = $"Payout batch {(header.InputFile == null ? "from the pipeline" : System.IO.Path.GetFileName(header.InputFile))} of {header.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n<style>")
                .Append(Style).Append("</style></head>\n<body>\n");
            html.Append("<h1>").Append(E(title)).Append("</h1>\n<table class=\"facts\">");
            Fact(html, "Batch", header.SenderBatchId == null ? header.BatchId : $"{header.SenderBatchId} (journal {header.BatchId})");
            Fact(html, "Started", Time(header.CreatedUtc));
            Fact(html, "Merchant", $"{header.Merchant} ({header.Environment})");
            if (header.InputFile != null)
            {
                Fact(html, "Input file", header.InputFile);
                Fact(html, "Input SHA-256", header.InputHash ?? "not recorded");
            }
            else
            {
                Fact(html, "Input", "rows from the pipeline (no file to fingerprint)");
            }

            Fact(html, "Approved by", header.Approvals ?? "no approval was required");

            Fact(html, "Outcome", $"{summary.CountsText}. Exit code {summary.ExitCode}.");
            Fact(html, "Report made", Time(generatedUtc));
            html.Append("</table>\n");

            Totals(html, summary);
            Bars(html);
            var everyRow = csvName == null ? "Get-PayoutBatch lists every row" : $"every row is in {csvName}";
            Listed(html, "Paid", _paid, null, everyRow, paid: true);
            Listed(html, "In doubt: may have been paid, looked up on the next run", _inDoubt,
                "Run the same New-Payout command with the same journal again, or Get-PayoutBatch -Refresh: rows in doubt are looked up before anything is sent again.", everyRow);
            Listed(html, "Refused, invalid or held: not paid", _notPaid, null, everyRow);
            PaidTwice(html, summary.PaidTwiceText);
            if (reconciliation != null)
            {
                ReportLedger.Render(html, reconciliation);
            }

            return html.Append("</body></html>\n").ToString();
        }

        /// <summary>What left each balance: the summary's own totals, the ones the console shows.</summary>
        private void Totals(StringBuilder html, PayoutBatchSummary summary)
        {
            html.Append("<h2>Sent per currency</h2>\n<table><thead><tr><th>Currency</th><th>Payouts</th><th class=\"n\">Sent</th><th class=\"n\">Fees</th></tr></thead><tbody>");
            foreach (var currency in summary.Totals.OrderBy(c => c.Currency, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(E(currency.Currency)).Append("</td><td>").Append(currency.Payouts).Append("</td><td class=\"n\">")
                    .Append(Amount(currency.Sent)).Append("</td><td class=\"n\">").Append(Amount(currency.Fees)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n<h2>Received per currency</h2>\n<table><thead><tr><th>Currency</th><th>Payouts</th><th class=\"n\">Received</th></tr></thead><tbody>");
            foreach (var currency in _received.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(E(currency.Key)).Append("</td><td>").Append(currency.Value.Payouts).Append("</td><td class=\"n\">")
                    .Append(Amount(currency.Value.Received)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        /// <summary>One bar per state: a made payout by its status's name, any other row by its outcome.</summary>
        private void Bars(StringBuilder html)
        {
            html.Append("<h2>Rows by state</h2>\n<table class=\"bars\"><tbody>");
            foreach (var state in _states.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
            {
                var percent = _rows == 0 ? 0 : 100.0 * state.Value / _rows;
                html.Append("<tr><td>").Append(E(state.Key)).Append("</td><td class=\"n\">").Append(state.Value).Append("</td><td class=\"bar\"><div style=\"width:")
                    .Append(percent.ToString("0.#", CultureInfo.InvariantCulture)).Append("%\"></div></td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        /// <summary>Rows paid twice (see <see cref="JournalDoubles"/>): shown whenever there are any, first thing to check.</summary>
        private static void PaidTwice(StringBuilder html, IReadOnlyList<string> found)
        {
            if (found.Count == 0)
            {
                return;
            }

            html.Append("<h2>Paid twice: the same payout made for two rows (").Append(found.Count).Append(")</h2>\n<ul>");
            foreach (var text in found)
            {
                html.Append("<li>").Append(E(text)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        private static void Listed(StringBuilder html, string title, Section section, string? fix, string everyRow, bool paid = false)
        {
            html.Append("<h2>").Append(E(title)).Append(" (").Append(section.Count.ToString("N0", CultureInfo.InvariantCulture)).Append(")</h2>\n");
            if (section.Count == 0)
            {
                html.Append("<p>None.</p>\n");
                return;
            }

            if (fix != null)
            {
                html.Append("<p>").Append(E(fix)).Append("</p>\n");
            }

            html.Append("<table><thead><tr><th>Row</th><th>RequestId</th><th>Payee</th><th class=\"n\">Amount</th>")
                .Append(paid ? "<th>Status</th><th>Payout</th>" : "<th>Outcome</th><th>Reason and fix</th>").Append("</tr></thead><tbody>");
            foreach (var row in section.Rows)
            {
                html.Append("<tr><td>").Append(row.Row).Append("</td><td>").Append(E(row.RequestId)).Append("</td><td>").Append(E(row.Payee)).Append("</td><td class=\"n\">")
                    .Append(E(AmountText(row.Amount, row.Currency))).Append("</td><td>")
                    .Append(paid ? E(row.StatusName ?? row.Status) + "</td><td>" + E(row.PayoutId) : E(row.Outcome.ToString()) + "</td><td>" + E(row.Error)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
            More(html, section.Count, everyRow);
        }

        internal static void More(StringBuilder html, int count, string everyRow)
        {
            if (count > RowsListed)
            {
                html.Append("<p>… and ").Append((count - RowsListed).ToString("N0", CultureInfo.InvariantCulture)).Append(" more (").Append(E(everyRow)).Append(").</p>\n");
            }
        }

        /// <summary>The rows of one list: the first <see cref="RowsListed"/> kept, all counted.</summary>
        private sealed class Section
        {
            public List<BatchRowState> Rows { get; } = new List<BatchRowState>();

            public int Count { get; private set; }

            public void Add(BatchRowState row)
            {
                Count++;
                if (Rows.Count < RowsListed)
                {
                    Rows.Add(row);
                }
            }
        }

        internal static void Fact(StringBuilder html, string name, string value) =>
            html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

        internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        /// <summary>Every amount on the page: invariant, thousands separated, at least two decimals.</summary>
        internal static string Amount(decimal amount) => MoneyText.Show(amount);

        /// <summary>An amount as a row wrote it, in the page's format when it is one.</summary>
        private static string AmountText(string? amount, string? currency) =>
            (MoneyText.Parse(amount) is decimal value ? Amount(value) : amount) + (currency == null ? string.Empty : " " + currency);

        internal static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        // Print-friendly and offline: system fonts only, no external resource of any kind.
        private const string Style =
            "@page{size:A4;margin:15mm}body{font-family:system-ui,sans-serif;font-size:10.5pt;color:#111;max-width:190mm;margin:auto}" +
            "h1{font-size:16pt}h2{font-size:12.5pt;margin-top:1.4em}table{border-collapse:collapse;width:100%;margin:.4em 0}" +
            "th,td{border-bottom:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}" +
            "table.facts th{width:25%}table.bars td.bar{width:60%}table.bars div{background:#4a6fa5;height:.9em;min-width:1px;" +
            "-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{page-break-inside:avoid}";
    }
}
