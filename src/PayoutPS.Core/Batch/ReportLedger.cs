using System.Globalization;
using System.Linq;
using System.Text;
using static PayoutPS.Core.Batch.BatchReport;

namespace PayoutPS.Core.Batch
{
    /// <summary>The report's part against the ledger (Get-PayoutBatch -Report -Reconcile): totals, verdicts, and the entries that belong to no row.</summary>
    internal static class ReportLedger
    {
        public static void Render(StringBuilder html, PayoutReconciliation reconciliation)
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
                Unrelated(html, reconciliation);
                return;
            }

            html.Append("<table><thead><tr><th>Row</th><th>RequestId</th><th>Payout</th><th class=\"n\">Paid</th><th class=\"n\">Ledger debit</th><th class=\"n\">Fee</th><th class=\"n\">Reversal</th><th>Verdict</th></tr></thead><tbody>");
            foreach (var row in look.Take(BatchReport.RowsListed))
            {
                html.Append("<tr><td>").Append(row.Row).Append("</td><td>").Append(E(row.RequestId)).Append("</td><td>").Append(E(row.PayoutId)).Append("</td><td class=\"n\">")
                    .Append(Amount(row.Paid)).Append("</td><td class=\"n\">").Append(Amount(row.LedgerDebit)).Append("</td><td class=\"n\">").Append(Amount(row.LedgerFee))
                    .Append("</td><td class=\"n\">").Append(Amount(row.Reversal)).Append("</td><td>").Append(E(row.Verdict.ToString())).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
            More(html, look.Count, "Get-PayoutBatch -Reconcile lists them all");
            Unrelated(html, reconciliation);
        }

        /// <summary>The ledger entries of the batch's window and currencies that no row of it made: listed, so none is taken on trust.</summary>
        private static void Unrelated(StringBuilder html, PayoutReconciliation reconciliation)
        {
            if (reconciliation.Unrelated.Count == 0)
            {
                return;
            }

            html.Append("<h3>Ledger entries of the period that belong to no row (").Append(reconciliation.Unrelated.Count.ToString("N0", CultureInfo.InvariantCulture)).Append(")</h3>\n")
                .Append("<table><thead><tr><th>Entry</th><th>Time</th><th>Type</th><th class=\"n\">Amount</th><th>Payout</th><th>RequestId</th></tr></thead><tbody>");
            foreach (var entry in reconciliation.Unrelated.Take(RowsListed))
            {
                html.Append("<tr><td>").Append(E(entry.EntryId)).Append("</td><td>").Append(entry.Time is System.DateTime time ? E(Time(time)) : string.Empty).Append("</td><td>")
                    .Append(E(entry.Type)).Append("</td><td class=\"n\">").Append(E(Amount(entry.Amount) + " " + entry.Currency)).Append("</td><td>").Append(E(entry.PayoutId))
                    .Append("</td><td>").Append(E(entry.RequestId)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
            More(html, reconciliation.Unrelated.Count, "Get-PayoutBatch -Reconcile lists them all");
        }
    }
}
