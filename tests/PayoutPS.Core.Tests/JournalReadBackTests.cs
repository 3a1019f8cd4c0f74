using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Reading a journal back: one state per input row, and "paid" by the outcome and the latest status alike.</summary>
    public sealed class JournalReadBackTests : JournalFiles
    {
        private static PayoutRecord Paid(string requestId, string status, string amount = "10.00") => PayoutRecord.From(JsonDocument.Parse(
            "{\"payoutId\":\"17740000000000000" + requestId.Substring(requestId.Length - 2) + "\",\"requestId\":\"" + requestId + "\",\"payoutStatus\":\"" + status +
            "\",\"sourceAmount\":\"" + amount + "\",\"sourceCurrency\":\"USD\",\"fee\":\"0.10\"}").RootElement, PayoutOutcome.Created);

        [Theory]
        [InlineData(RowOutcome.InDoubt, null, true)]
        [InlineData(RowOutcome.NotSent, null, true)] // its intent was written: the request may have left before the stop
        [InlineData(RowOutcome.Created, "A", true)]
        [InlineData(RowOutcome.Created, "S", false)]
        [InlineData(RowOutcome.Journaled, "F", false)]
        [InlineData(RowOutcome.Refused, null, false)]
        [InlineData(RowOutcome.Invalid, null, false)]
        public void Refresh_asks_about_every_row_whose_payout_may_exist_or_change(RowOutcome outcome, string? status, bool asked)
        {
            var row = new BatchRowState { Row = 1, RequestId = "R-01", Outcome = outcome, Status = status, SourceAmount = "10.00", SourceCurrency = "USD" };

            Assert.Equal(asked, row.MayChange);
        }

        [Theory]
        [InlineData(RowOutcome.InDoubt)]
        [InlineData(RowOutcome.NotSent)]
        public void A_row_not_known_to_be_paid_that_the_service_shows_is_recovered_with_that_payout(RowOutcome outcome)
        {
            var row = new BatchRowState { Row = 1, RequestId = "R-01", Outcome = outcome, Amount = "10.00", Currency = "USD" };

            Assert.Null(row.Settle(Paid("R-01", "S")));

            Assert.Equal((RowOutcome.Recovered, "1774000000000000001", true), (row.Outcome, row.PayoutId, row.IsPaid));
        }

        private static PayoutBatchSummary Summarize(JournalRows rows)
        {
            var summary = new PayoutBatchSummary();
            foreach (var row in rows.Rows())
            {
                summary.Add(row);
            }

            summary.Finish();
            return summary;
        }

        [Fact]
        public async Task Each_input_row_is_one_row_however_many_runs_refused_held_or_paid_it()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                // Run 1: row 1 paid, row 2 held, row 3 invalid. Run 2: row 2 held again, row 3 invalid again. Run 3: row 2 paid.
                await journal.RecordIntentAsync(1, "R-01", "h1", "10.00", "USD", "p");
                journal.RecordPaid(1, Paid("R-01", "S"));
                journal.RecordInvalid(2, null, "looks like a payout already made", RowOutcome.Held);
                journal.RecordInvalid(3, null, "SendAmount '1,50' contains a comma");
                journal.RecordInvalid(2, null, "looks like a payout already made", RowOutcome.Held);
                journal.RecordInvalid(3, null, "SendAmount '1,50' contains a comma (again)");
                await journal.RecordIntentAsync(2, "R-02", "h2", "10.00", "USD", "p");
                journal.RecordPaid(2, Paid("R-02", "S"));
                // Row 4 was paid, then a rerun with the row edited refused it: the row is still the payout that was made.
                await journal.RecordIntentAsync(4, "R-04", "h4", "10.00", "USD", "p");
                journal.RecordPaid(4, Paid("R-04", "S"));
                journal.RecordInvalid(4, "R-04", "this row differs from what the journal recorded");
                journal.Flush();
            }

            var rows = JournalRows.Open(JournalPath).Rows().ToList();

            Assert.Equal(new[] { 1, 2, 3, 4 }, rows.Select(r => r.Row).ToArray());
            Assert.Equal(new[] { RowOutcome.Created, RowOutcome.Created, RowOutcome.Invalid, RowOutcome.Created }, rows.Select(r => r.Outcome).ToArray());
            Assert.Equal("SendAmount '1,50' contains a comma (again)", rows[2].Error);
            var summary = Summarize(JournalRows.Open(JournalPath));
            Assert.Equal((4, 3, 1), (summary.Rows, summary.Paid, summary.Invalid));
        }

        [Theory]
        [InlineData("F")]
        [InlineData("U")]
        [InlineData("V")]
        public async Task A_payout_the_provider_failed_is_counted_failed_not_paid_and_its_money_is_not_sent(string failed)
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "R-01", "h1", "10.00", "USD", "p");
                journal.RecordPaid(1, Paid("R-01", "S", "10.00"));
                await journal.RecordIntentAsync(2, "R-02", "h2", "25.00", "USD", "p");
                journal.RecordPaid(2, Paid("R-02", failed, "25.00"));
                journal.Flush();
            }

            var rows = JournalRows.Open(JournalPath).Rows().ToList();
            var summary = Summarize(JournalRows.Open(JournalPath));

            Assert.Equal(new[] { true, false }, rows.Select(r => r.IsPaid).ToArray());
            Assert.Equal(PayoutStatusCodes.Name(failed), rows[1].StatusName);
            Assert.Equal((1, 1), (summary.Paid, summary.Failed));
            Assert.Equal(10.00m, summary.Totals.Single().Sent);
            Assert.Equal(PayoutBatchSummary.ExitSomeFailed, summary.ExitCode);
            Assert.Null(summary.Duration);
            Assert.Null(summary.PayoutsPerSecond);
        }
    }
}
