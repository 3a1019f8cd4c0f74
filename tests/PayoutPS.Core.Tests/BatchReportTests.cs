using System;
using System.Linq;
using AngleSharp.Html.Parser;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Issue 18: the batch report, read back with a real HTML parser.</summary>
    public class BatchReportTests : JournalFiles
    {
        private static BatchRowState Row(int row, RowOutcome outcome, string? status = null, string amount = "10.00", string? error = null) => new BatchRowState
        {
            Row = row, RequestId = "R-" + row, Outcome = outcome, Status = status, PayoutId = outcome == RowOutcome.Created ? "17740000000000000" + row.ToString("00") : null,
            Amount = amount, Currency = "USD", SourceAmount = amount, SourceCurrency = "USD", TargetAmount = "9.00", TargetCurrency = "EUR", Fee = "0.10",
            Payee = "Anna Müller ****3000", Error = error,
        };

        private static (string Html, AngleSharp.Html.Dom.IHtmlDocument Page) Render(params BatchRowState[] rows)
        {
            var report = new BatchReport();
            var summary = new PayoutBatchSummary();
            foreach (var row in rows)
            {
                report.Add(row);
                summary.Add(row);
            }

            summary.Finish();
            var header = new JournalHeader { BatchId = "b1", CreatedUtc = new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), Merchant = "800100", Environment = "Local", InputFile = "/pay/payroll.csv", InputHash = "abc123" };
            var html = report.Render(header, summary, null, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc));
            return (html, new HtmlParser().ParseDocument(html));
        }

        [Fact]
        public void The_page_holds_the_batch_its_totals_a_bar_per_state_and_the_rows_that_need_a_look()
        {
            var (_, page) = Render(
                Row(1, RowOutcome.Created, "S"), Row(2, RowOutcome.Created, "S", "20.00"), Row(3, RowOutcome.Created, "F"),
                Row(4, RowOutcome.InDoubt), Row(5, RowOutcome.Invalid, error: "Row 5: SendAmount '1,50' contains a comma <b>"));

            var facts = page.QuerySelectorAll("table.facts tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
            Assert.Equal(("/pay/payroll.csv", "abc123"), (facts["Input file"], facts["Input SHA-256"]));
            var sent = page.QuerySelectorAll("h2").First(h => h.TextContent == "Sent per currency").NextElementSibling!.QuerySelectorAll("tbody td").Select(c => c.TextContent).ToArray();
            Assert.Equal(new[] { "USD", "2", "30.00", "0.20" }, sent); // the failed payout's money came back: not counted as sent
            var bars = page.QuerySelectorAll("table.bars tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
            Assert.Equal(new[] { ("Success", "2"), ("Failed", "1"), ("InDoubt", "1"), ("Invalid", "1") }.OrderBy(x => x.Item1), bars.Select(b => (b.Key, b.Value)).OrderBy(x => x.Item1));
            Assert.Contains(page.QuerySelectorAll("td"), c => c.TextContent == "Row 5: SendAmount '1,50' contains a comma <b>"); // encoded, shown as text
            Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("In doubt", StringComparison.Ordinal) && h.TextContent.EndsWith("(1)", StringComparison.Ordinal));
        }

        [Fact]
        public void The_page_is_titled_by_its_file_and_date_lists_every_paid_row_and_writes_each_amount_one_way()
        {
            var (html, page) = Render(Row(1, RowOutcome.Created, "S", "4800.00"), Row(2, RowOutcome.Created, "A", "1250.5"), Row(3, RowOutcome.Created, "F", "20.00"));

            Assert.Equal("Payout batch payroll.csv of 2026-11-29", page.Title);
            Assert.Equal("Payout batch payroll.csv of 2026-11-29", page.QuerySelector("h1")!.TextContent);
            var paid = page.QuerySelectorAll("h2").First(h => h.TextContent.StartsWith("Paid (", StringComparison.Ordinal));
            Assert.Equal("Paid (2)", paid.TextContent);
            var cells = paid.NextElementSibling!.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToArray();
            Assert.Equal(new[] { "1", "R-1", "Anna Müller ****3000", "4,800.00 USD", "Success", "1774000000000000001" }, cells[0]);
            Assert.Equal("1,250.50 USD", cells[1][3]);
            Assert.Equal(2, cells.Length); // the failed payout is not paid
            var sent = page.QuerySelectorAll("h2").First(h => h.TextContent == "Sent per currency").NextElementSibling!.QuerySelectorAll("tbody td").Select(c => c.TextContent).ToArray();
            Assert.Equal(new[] { "USD", "2", "6,050.50", "0.20" }, sent); // the summary's own totals
            Assert.DoesNotMatch(@"\d{4}\.\d\d", page.Body!.TextContent); // no amount without its thousands separator anywhere on the page
            Assert.Contains("Exit code 1.", html);
        }

        [Fact]
        public void Piped_rows_say_so_instead_of_a_file_and_an_empty_hash()
        {
            var report = new BatchReport();
            var summary = new PayoutBatchSummary();
            var header = new JournalHeader { BatchId = "b1", CreatedUtc = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), Merchant = "800100", Environment = "Local" };

            var page = new HtmlParser().ParseDocument(report.Render(header, summary, null, DateTime.UtcNow));

            var facts = page.QuerySelectorAll("table.facts tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
            Assert.Equal("Payout batch from the pipeline of 2026-12-01", page.Title);
            Assert.StartsWith("rows from the pipeline", facts["Input"]);
            Assert.False(facts.ContainsKey("Input SHA-256"));
        }

        [Fact]
        public void The_csv_beside_the_page_holds_every_row_quoted_and_formulas_as_text()
        {
            var writer = new System.IO.StringWriter();
            using (var csv = new BatchReportCsv(writer))
            {
                var row = Row(1, RowOutcome.Created, "S");
                row.Payee = "=HYPERLINK(\"http://x\"),\"Smith, Jr.\"";
                csv.Add(row);
                csv.Add(Row(2, RowOutcome.Invalid, error: "Row 2: bad\nline"));
                Assert.Equal(2, csv.Rows);
            }

            var lines = writer.ToString().Split(new[] { "\r\n", "\n" }, StringSplitOptions.None);
            Assert.Equal(BatchReportCsv.Header, lines[0]);
            Assert.StartsWith("1,R-1,\"'=HYPERLINK(\"\"http://x\"\"),\"\"Smith, Jr.\"\"\",10.00,USD,Created,S,Success,1774000000000000001,", lines[1]);
            Assert.EndsWith(",\"Row 2: bad", lines[2]); // a line break inside a quoted field
        }

        [Fact]
        public async System.Threading.Tasks.Task The_page_of_a_journal_holds_what_the_journal_holds()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "J-1", "h1", "10.00", "USD", "Anna Müller ****3000");
                journal.RecordPaid(1, PayoutRecord.From(System.Text.Json.JsonDocument.Parse(
                    "{\"payoutId\":\"1774000000000000001\",\"requestId\":\"J-1\",\"payoutStatus\":\"S\",\"sourceAmount\":\"10.00\",\"sourceCurrency\":\"USD\",\"targetAmount\":\"9.10\",\"targetCurrency\":\"EUR\",\"fee\":\"0.10\"}").RootElement, PayoutOutcome.Created));
                await journal.RecordIntentAsync(2, "J-2", "h2", "20.00", "USD", "Jan Kowalski ****4712");
                journal.RecordFailure(2, "J-2", RowOutcome.Refused, "insufficient balance: top the balance up", "15001");
                await journal.RecordIntentAsync(3, "J-3", "h3", "30.00", "USD", "Ewa Nowak ****2051");
                journal.Flush();
            }

            var rows = JournalRows.Open(JournalPath);
            var report = new BatchReport();
            var summary = new PayoutBatchSummary();
            foreach (var row in rows.Rows())
            {
                report.Add(row);
                summary.Add(row);
            }

            summary.Finish();
            var page = new HtmlParser().ParseDocument(report.Render(rows.Header, summary, null, DateTime.UtcNow));

            var sent = page.QuerySelectorAll("h2").First(h => h.TextContent == "Sent per currency").NextElementSibling!.QuerySelectorAll("tbody td").Select(c => c.TextContent).ToArray();
            Assert.Equal(new[] { "USD", "1", "10.00", "0.10" }, sent);
            var listed = page.QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();
            Assert.Contains("3|J-3|Ewa Nowak ****2051|30.00 USD|InDoubt|", listed);
            Assert.Contains(listed, l => l.StartsWith("2|J-2|Jan Kowalski ****4712|20.00 USD|Refused|", StringComparison.Ordinal) && l.Contains("top the balance up"));
            Assert.Equal(rows.Header.BatchId, page.QuerySelectorAll("table.facts tr").First().Children[1].TextContent);
        }

        [Fact]
        public async System.Threading.Tasks.Task Two_paid_rows_of_one_guard_key_are_named_in_the_summary_and_the_page_and_make_exit_code_1()
        {
            static PayoutRecord Paid(string payoutId, string requestId, string status = "S") => PayoutRecord.From(System.Text.Json.JsonDocument.Parse(
                "{\"payoutId\":\"" + payoutId + "\",\"requestId\":\"" + requestId + "\",\"payoutStatus\":\"" + status + "\",\"sourceAmount\":\"10.00\",\"sourceCurrency\":\"USD\",\"fee\":\"0.10\"}").RootElement, PayoutOutcome.Created);
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                // Row 3 as first paid, and row 3 again after its name was misspelt (Ana): the same payee, amount and reference.
                await journal.RecordIntentAsync(3, "K-3", "h3", "10.00", "USD", "Anna Tester3 ****3000", guardKey: 0xABCDEF);
                journal.RecordPaid(3, Paid("1774000000000000003", "K-3"));
                await journal.RecordIntentAsync(3, "K-3b", "h3b", "10.00", "USD", "Ana Tester3 ****3000", guardKey: 0xABCDEF);
                journal.RecordPaid(3, Paid("1774000000000000013", "K-3b"));
                // The same key, but that payout failed: no money went twice.
                await journal.RecordIntentAsync(4, "K-4", "h4", "10.00", "USD", "Anna Tester3 ****3000", guardKey: 0xABCDEF);
                journal.RecordPaid(4, Paid("1774000000000000004", "K-4", status: "F"));
                // Alike, but without a guard key (a RequestId of its own, or -AllowDuplicate): meant.
                await journal.RecordIntentAsync(5, "INV-5", "h5", "10.00", "USD", "Anna Tester3 ****3000");
                journal.RecordPaid(5, Paid("1774000000000000005", "INV-5"));
                journal.Flush();
            }

            var rows = JournalRows.Open(JournalPath);
            var doubles = new JournalDoubles();
            var report = new BatchReport();
            var summary = new PayoutBatchSummary();
            foreach (var row in rows.Rows())
            {
                report.Add(row);
                summary.Add(row);
                if (doubles.Add(row) is string found)
                {
                    summary.AddPaidTwice(found);
                }
            }

            summary.Finish();
            var named = Assert.Single(doubles.Found);
            Assert.StartsWith("Row 3 (payout 1774000000000000003) and row 3 (payout 1774000000000000013) are the same payout", named);
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, summary.ExitCode);
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, new PayoutReconciliation { PaidTwice = doubles.Found }.ExitCode);
            var page = new HtmlParser().ParseDocument(report.Render(rows.Header, summary, null, DateTime.UtcNow));
            var heading = Assert.Single(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Paid twice", StringComparison.Ordinal));
            Assert.Equal(named, heading.NextElementSibling!.QuerySelector("li")!.TextContent);
        }

        [Fact]
        public void The_page_needs_nothing_from_outside_it_and_shows_no_account_number()
        {
            var (html, page) = Render(Row(1, RowOutcome.Created, "S"));

            Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object, embed"));
            Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
            Assert.DoesNotContain("DE89370400440532013000", html, StringComparison.Ordinal);
            Assert.Contains("size:A4", html, StringComparison.Ordinal);
        }

        [Fact]
        public void A_long_list_is_cut_at_its_limit_and_counted()
        {
            var rows = Enumerable.Range(1, BatchReport.RowsListed + 3).Select(i => Row(i, RowOutcome.Refused, error: "refused")).ToArray();

            var (_, page) = Render(rows);

            var table = page.QuerySelectorAll("h2").First(h => h.TextContent.StartsWith("Refused", StringComparison.Ordinal)).NextElementSibling!;
            Assert.Equal(BatchReport.RowsListed, table.QuerySelectorAll("tbody tr").Length);
            Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent == "… and 3 more (Get-PayoutBatch lists every row).");
        }
    }
}
