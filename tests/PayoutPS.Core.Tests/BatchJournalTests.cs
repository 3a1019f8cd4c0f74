using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The journal on a real file: what it writes, what it forgives, what it refuses.</summary>
    public sealed class BatchJournalTests : JournalFiles
    {
        [Fact]
        public async Task An_intent_is_on_disk_when_its_task_completes()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "R-1", "hash1", "100.00", "USD", "Anna Müller ****3000");

                var text = ReadShared(JournalPath);
                Assert.Contains("\"type\":\"header\"", text);
                Assert.Contains("\"type\":\"intent\",", text);
                Assert.Contains("\"requestId\":\"R-1\"", text);
                Assert.EndsWith("\n", text);
            }
        }

        [Fact]
        public async Task Concurrent_intents_all_become_durable()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await Task.WhenAll(Enumerable.Range(1, 200).Select(i => journal.RecordIntentAsync(i, "R-" + i, "h" + i, "1.00", "USD", "x")));

                Assert.Equal(201, ReadShared(JournalPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        [Fact]
        public async Task Reopening_resumes_with_what_was_recorded_and_the_same_batch_id()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "R-1", "hash1", "100.00", "USD", "p");
                await journal.RecordIntentAsync(2, "R-2", new string('2', 64), "5.00", "USD", "p");
                journal.RecordPaid(1, Payouts.PayoutRecord.FromJournal(System.Text.Json.JsonDocument.Parse(
                    "{\"requestId\":\"R-1\",\"payoutId\":\"1774000000000000001\",\"status\":\"A\",\"sourceAmount\":\"100.00\",\"sourceCurrency\":\"USD\"}").RootElement));
            }

            var other = Header();
            other.BatchId = "ffffffffffffffffffffffffffffffff";
            using (var resumed = BatchJournal.Open(JournalPath, other))
            {
                Assert.True(resumed.IsResumed);
                Assert.Equal("0123456789abcdef0123456789abcdef", resumed.Header.BatchId);
                Assert.True(resumed.Find("R-1")!.IsPaid);
                Assert.Equal("1774000000000000001", resumed.ReadPaid(resumed.Find("R-1")!).PayoutId);
                Assert.False(resumed.Find("R-2")!.IsPaid);
                Assert.Equal(ContentKey.Parse(new string('2', 64)), resumed.Find("R-2")!.Content);
                Assert.NotEqual(ContentKey.Parse(new string('3', 64)), resumed.Find("R-2")!.Content);
                Assert.True(resumed.Find("R-2")!.FromEarlierRun);
                Assert.Null(resumed.Find("R-3"));
            }
        }

        [Theory]
        [InlineData("{\"type\":\"intent\",\"row\":3,\"requ")]
        [InlineData("\0\0\0\0\0\0\n")]
        public async Task A_torn_last_line_is_cut_and_its_row_is_unknown(string tail)
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "R-1", "hash1", "1.00", "USD", "p");
            }

            File.AppendAllText(JournalPath, tail);
            using (var resumed = BatchJournal.Open(JournalPath, Header()))
            {
                Assert.NotNull(resumed.Find("R-1"));
                await resumed.RecordIntentAsync(3, "R-3", "hash3", "1.00", "USD", "p");
            }

            var lines = File.ReadAllLines(JournalPath);
            Assert.Equal(3, lines.Length);
            Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        }

        [Fact]
        public async Task Corruption_before_the_last_line_names_the_line()
        {
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                await journal.RecordIntentAsync(1, "R-1", "hash1", "1.00", "USD", "p");
                await journal.RecordIntentAsync(2, "R-2", "hash2", "1.00", "USD", "p");
            }

            var lines = File.ReadAllLines(JournalPath);
            lines[1] = "{\"type\":\"intent\",";
            File.WriteAllLines(JournalPath, lines);

            var error = Assert.Throws<JournalException>(() => BatchJournal.Open(JournalPath, Header()));
            Assert.Contains("corrupt at line 2", error.Message);
        }

        [Fact]
        public void A_file_that_is_not_a_journal_is_refused()
        {
            File.WriteAllText(JournalPath, "RequestId,FirstName\nR-1,Anna\n");

            Assert.Throws<JournalException>(() => BatchJournal.Open(JournalPath, Header()));
        }

        [Fact]
        public void One_run_at_a_time()
        {
            using (BatchJournal.Open(JournalPath, Header()))
            {
                var error = Assert.Throws<JournalException>(() => BatchJournal.Open(JournalPath, Header()));
                Assert.Contains("in use by another run", error.Message);
            }

            using (BatchJournal.Open(JournalPath, Header()))
            {
                // Released on dispose: the next run may open it.
            }
        }

        [Fact]
        public void The_header_says_when_another_merchant_or_service_owns_the_batch()
        {
            var header = Header();

            Assert.Null(header.Mismatch("800100", "Local", "http://127.0.0.1:1/payout/"));
            Assert.Contains("merchant 800100, not 800200", header.Mismatch("800200", "Local", "http://127.0.0.1:1/payout"));
            Assert.Contains("started against Local", header.Mismatch("800100", "Production", "https://api.onerway.com/payout"));
        }

        [Fact]
        public void Generated_ids_depend_on_batch_content_and_occurrence_only()
        {
            var first = GeneratedRequestIds.Derive("batch-a", "hash", 1);
            var second = GeneratedRequestIds.Derive("batch-a", "hash", 2);

            Assert.NotEqual(first, second);
            Assert.Equal(first, GeneratedRequestIds.Derive("batch-a", "hash", 1));
            Assert.NotEqual(first, GeneratedRequestIds.Derive("batch-b", "hash", 1));
            Assert.NotEqual(first, GeneratedRequestIds.Derive("batch-a", "hash2", 1));
            Assert.Matches("^[0-9a-f]{32}$", first);
        }
    }
}
