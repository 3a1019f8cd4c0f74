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

        private readonly Dictionary<string, (int Payouts, decimal Sent, decimal Fees)> _sent = new Dictionary<string, (int, decimal, decimal)>(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Payouts, decimal Received)> _received = new Dictionary<string, (int, decimal)>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _states = new Dictionary<string, int>(StringComparer.Ordinal);
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
                if (row.SourceCurrency != null)
                {
                    _sent.TryGetValue(row.SourceCurrency, out var sent);
                    _sent[row.SourceCurrency] = (sent.Payouts + 1, sent.Sent + (MoneyText.Parse(row.SourceAmount) ?? 0m), sent.Fees + (MoneyText.Parse(row.Fee) ?? 0m));
                }

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

        public string Render(JournalHeader header, PayoutBatchSummary summary, PayoutReconciliation? reconciliation, DateTime generatedUtc)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Payout batch ").Append(E(header.BatchId)).Append("</title>\n<style>")
                .Append(Style).Append("</style></head>\n<body>\n");
            html.Append("<h1>Payout batch</h1>\n<table class=\"facts\">");
            Fact(html, "Batch", header.BatchId);
            Fact(html, "Started", Time(header.CreatedUtc));
            Fact(html, "Merchant", $"{header.Merchant} ({header.Environment})");
            Fact(html, "Input file", header.InputFile ?? "rows from the pipeline");
            Fact(html, "Input SHA-256", header.InputHash ?? "-");
            Fact(html, "Outcome", summary.ToString());
            Fact(html, "Report made", Time(generatedUtc));
            html.Append("</table>\n");

            Totals(html);
            Bars(html);
            Listed(html, "In doubt: may have been paid, looked up on the next run", _inDoubt,
                "Run the same New-Payout command with the same journal again, or Get-PayoutBatch -Refresh: rows in doubt are looked up before anything is sent again.");
            Listed(html, "Refused, invalid or held: not paid", _notPaid, null);
            PaidTwice(html, summary.PaidTwiceText);
            if (reconciliation != null)
            {
                Ledger(html, reconciliation);
            }

            return html.Append("</body></html>\n").ToString();
        }

        private void Totals(StringBuilder html)
        {
            html.Append("<h2>Sent per currency</h2>\n<table><thead><tr><th>Currency</th><th>Payouts</th><th class=\"n\">Sent</th><th class=\"n\">Fees</th></tr></thead><tbody>");
            foreach (var currency in _sent.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                html.Append("<tr><td>").Append(E(currency.Key)).Append("</td><td>").Append(currency.Value.Payouts).Append("</td><td class=\"n\">")
                    .Append(Amount(currency.Value.Sent)).Append("</td><td class=\"n\">").Append(Amount(currency.Value.Fees)).Append("</td></tr>");
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

        private static void Listed(StringBuilder html, string title, Section section, string? fix)
        {
            var rows = section.Rows;
            html.Append("<h2>").Append(E(title)).Append(" (").Append(section.Count).Append(")</h2>\n");
            if (section.Count == 0)
            {
                html.Append("<p>None.</p>\n");
                return;
            }

            if (fix != null)
            {
                html.Append("<p>").Append(E(fix)).Append("</p>\n");
            }

            html.Append("<table><thead><tr><th>Row</th><th>RequestId</th><th>Payee</th><th class=\"n\">Amount</th><th>Outcome</th><th>Reason and fix</th></tr></thead><tbody>");
            foreach (var row in rows)
            {
                html.Append("<tr><td>").Append(row.Row).Append("</td><td>").Append(E(row.RequestId)).Append("</td><td>").Append(E(row.Payee)).Append("</td><td class=\"n\">")
                    .Append(E($"{row.Amount} {row.Currency}")).Append("</td><td>").Append(E(row.Outcome.ToString())).Append("</td><td>").Append(E(row.Error)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
            More(html, section.Count);
        }

        private static void Ledger(StringBuilder html, PayoutReconciliation reconciliation)
        {
            html.Append("<h2>Against the ledger</h2>\n<table><thead><tr><th>Currency</th><th>Payouts</th><th class=\"n\">Expected</th><th class=\"n\">Ledger</th><th class=\"n\">Difference</th></tr></thead><tbody>");
            foreach (var currency in reconciliation.Currencies)
            {
                html.Append("<tr><td>").Append(E(currency.Currency)).Append("</td><td>").Append(currency.Rows).Append("</td><td class=\"n\">").Append(Amount(currency.Expected))
                    .Append("</td><td class=\"n\">").Append(Amount(currency.Ledger)).Append("</td><td class=\"n\">").Append(Amount(currency.Difference)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n<p>").Append(reconciliation.Matched).Append(" matched, ").Append(reconciliation.Reversed).Append(" reversed (the money came back), ")
                .Append(reconciliation.Rows.Count(r => r.Verdict == LedgerVerdict.FeeReversed)).Append(" with the fee refunded, ")
                .Append(reconciliation.Problems).Append(" missing, different or partly given back; ").Append(reconciliation.Unrelated.Count).Append(" ledger entries of the period belong to no row.</p>\n");
            var look = reconciliation.Rows.Where(r => r.Verdict != LedgerVerdict.Matched).ToList();
            if (look.Count == 0)
            {
                return;
            }

            html.Append("<table><thead><tr><th>Row</th><th>RequestId</th><th>Payout</th><th class=\"n\">Paid</th><th class=\"n\">Ledger debit</th><th class=\"n\">Fee</th><th class=\"n\">Reversal</th><th>Verdict</th></tr></thead><tbody>");
            foreach (var row in look.Take(RowsListed))
            {
                html.Append("<tr><td>").Append(row.Row).Append("</td><td>").Append(E(row.RequestId)).Append("</td><td>").Append(E(row.PayoutId)).Append("</td><td class=\"n\">")
                    .Append(Amount(row.Paid)).Append("</td><td class=\"n\">").Append(Amount(row.LedgerDebit)).Append("</td><td class=\"n\">").Append(Amount(row.LedgerFee))
                    .Append("</td><td class=\"n\">").Append(Amount(row.Reversal)).Append("</td><td>").Append(E(row.Verdict.ToString())).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
            More(html, look.Count);
        }

        private static void More(StringBuilder html, int count)
        {
            if (count > RowsListed)
            {
                html.Append("<p>… and ").Append((count - RowsListed).ToString("N0", CultureInfo.InvariantCulture)).Append(" more (Get-PayoutBatch lists every row).</p>\n");
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

        private static void Fact(StringBuilder html, string name, string value) =>
            html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

        private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private static string Amount(decimal amount) => amount.ToString("#,0.00##", CultureInfo.InvariantCulture);

        private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        // Print-friendly and offline: system fonts only, no external resource of any kind.
        private const string Style =
            "@page{size:A4;margin:15mm}body{font-family:system-ui,sans-serif;font-size:10.5pt;color:#111;max-width:190mm;margin:auto}" +
            "h1{font-size:16pt}h2{font-size:12.5pt;margin-top:1.4em}table{border-collapse:collapse;width:100%;margin:.4em 0}" +
            "th,td{border-bottom:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}" +
            "table.facts th{width:25%}table.bars td.bar{width:60%}table.bars div{background:#4a6fa5;height:.9em;min-width:1px;" +
            "-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{page-break-inside:avoid}";
    }
}
