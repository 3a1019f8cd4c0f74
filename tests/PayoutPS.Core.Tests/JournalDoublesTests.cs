using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Two paid rows of one journal with one guard key are named with both payouts, exactly as the journal wrote them.</summary>
    public sealed class JournalDoublesTests
    {
        private static BatchRowState Paid(int row, string? key, string? payoutId, RowOutcome outcome = RowOutcome.Created) =>
            new BatchRowState { Row = row, GuardKey = key, PayoutId = payoutId, Outcome = outcome, Status = "S" };

        [Theory]
        [InlineData("1774000000000000013")]   // the service's ids: kept as a number
        [InlineData("0123")]                  // a leading zero is not a number's text
        [InlineData("PO-17")]
        [InlineData("18446744073709551615")]  // 20 digits: no number
        public void A_second_paid_row_with_the_same_key_names_both_rows_and_both_payouts_as_written(string firstPayout)
        {
            var doubles = new JournalDoubles();
            Assert.Null(doubles.Add(Paid(1, "5ef11c90af08d935", firstPayout)));
            Assert.Null(doubles.Add(Paid(2, "4c25bc2ec2d35dcb", "1774000000000000002")));

            var found = doubles.Add(Paid(7, "5ef11c90af08d935", "1774000000000000007"));

            Assert.StartsWith($"Row 1 (payout {firstPayout}) and row 7 (payout 1774000000000000007) are the same payout", found);
            Assert.Equal(found, Assert.Single(doubles.Found));
        }

        [Fact]
        public void Keys_not_written_by_the_journal_are_compared_as_written()
        {
            var doubles = new JournalDoubles();
            Assert.Null(doubles.Add(Paid(1, "5EF11C90AF08D935", "1")));   // upper case: not how the journal writes a key
            Assert.Null(doubles.Add(Paid(2, "5ef11c90af08d935", "2")));   // so not the same key as this one
            Assert.Null(doubles.Add(Paid(3, "abc", "3")));
            Assert.Contains("Row 1 (payout 1) and row 4", doubles.Add(Paid(4, "5EF11C90AF08D935", "4")));
            Assert.Contains("Row 3 (payout 3) and row 5", doubles.Add(Paid(5, "abc", "5")));
            Assert.Equal(2, doubles.Found.Count);
        }

        [Fact]
        public void Rows_not_paid_or_without_a_key_are_no_double()
        {
            var doubles = new JournalDoubles();
            Assert.Null(doubles.Add(Paid(1, "5ef11c90af08d935", "1", RowOutcome.Refused)));
            Assert.Null(doubles.Add(Paid(2, null, "2")));
            Assert.Null(doubles.Add(Paid(3, null, "3")));
            Assert.Null(doubles.Add(Paid(4, "5ef11c90af08d935", "4")));
            Assert.Empty(doubles.Found);
        }
    }
}
