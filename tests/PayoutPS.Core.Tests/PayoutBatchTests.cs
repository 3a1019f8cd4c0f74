using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The batch engine with a real journal and a real client; only the HTTP edge is scripted.</summary>
    public sealed class PayoutBatchTests : JournalFiles
    {
        private static PayoutClient Client(ScriptedHandler handler) => handler.Client();

        private static BatchRow Row(int row)
        {
            var request = new RemittanceRequest
            {
                RequestId = "R-" + row, BeneficiaryId = "1775000000000000001", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = "100.00", Purpose = "PersonalRemittance",
            };
            var fields = request.ToFields();
            return new BatchRow(row, request, fields, RequestFingerprint.Of(fields), "1775000000000000001", mayAlreadyExist: false);
        }

        private static bool HasIntent(string journalText, string requestId) =>
            journalText.Split('\n').Any(line => line.Contains("\"type\":\"intent\"") && line.Contains($"\"requestId\":\"{requestId}\""));

        [Fact]
        public void A_waiting_row_has_its_intent_on_disk_before_its_request_leaves_and_a_stop_sends_it_never()
        {
            using var release = new ManualResetEventSlim(false);
            using var bothArrived = new CountdownEvent(2);
            var intentOnDiskWhenSent = new ConcurrentQueue<bool>();
            Func<HttpRequestMessage, string, HttpResponseMessage> blocking = (_, body) =>
            {
                var requestId = body.Contains("\"R-1\"") ? "R-1" : "R-2";
                intentOnDiskWhenSent.Enqueue(HasIntent(ReadShared(JournalPath), requestId));
                bothArrived.Signal();
                release.Wait(TimeSpan.FromSeconds(10)); // stay out while R-3 waits for one of the two request slots
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Envelopes.Created.Replace("R-1", requestId)) };
            };
            var handler = new ScriptedHandler().Then(blocking).Then(blocking);
            using var journal = BatchJournal.Open(JournalPath, Header());
            using var batch = new PayoutBatch(Client(handler), journal, throttleLimit: 2, NullPayoutLog.Instance, CancellationToken.None);

            // One after the other: rows released by one flush run inline on one thread, and this handler blocks it.
            Assert.True(batch.TryStart(Row(1), TimeSpan.FromSeconds(5)));
            Assert.True(SpinWait.SpinUntil(() => bothArrived.CurrentCount == 1, TimeSpan.FromSeconds(10)));
            Assert.True(batch.TryStart(Row(2), TimeSpan.FromSeconds(5)));
            Assert.True(bothArrived.Wait(TimeSpan.FromSeconds(10)));
            Assert.True(batch.TryStart(Row(3), TimeSpan.FromSeconds(5)), "a third row is admitted while two are out: it writes its intent ahead");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!HasIntent(ReadShared(JournalPath), "R-3") && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Assert.True(HasIntent(ReadShared(JournalPath), "R-3"), "R-3's intent is written while it waits");
            Assert.Equal(2, handler.Sent.Count); // ... but its request has not left
            Assert.Equal(2, batch.InFlight);

            batch.StopStarting();
            release.Set();
            Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(10)));
            journal.Flush();

            Assert.Equal(new[] { true, true }, intentOnDiskWhenSent.ToArray());
            Assert.Equal(2, handler.Sent.Count);
            var results = batch.Results.ToArray().OrderBy(r => r.Row.Row).ToArray();
            Assert.Equal(3, results.Length);
            Assert.Equal(PayoutOutcome.Created, results[0].Payout!.Outcome);
            Assert.True(results[2].NotSent);
            Assert.Null(results[2].Payout);
            Assert.Null(results[2].Error);
            var outcomes = ReadShared(JournalPath).Split('\n').Where(l => l.Contains("\"type\":\"outcome\"")).ToArray();
            Assert.Contains(outcomes, l => l.Contains("\"requestId\":\"R-3\"") && l.Contains("\"outcome\":\"NotSent\""));
            Assert.Contains(outcomes, l => l.Contains("\"requestId\":\"R-1\"") && l.Contains("\"outcome\":\"Created\""));
        }

        [Theory]
        [InlineData(true, 8)]
        [InlineData(false, 2)]
        public void At_most_4N_rows_are_held_with_a_journal_and_N_without(bool withJournal, int held)
        {
            using var release = new ManualResetEventSlim(false);
            var handler = new ScriptedHandler();
            for (var i = 0; i < held; i++)
            {
                handler.Then((_, body) =>
                {
                    release.Wait(TimeSpan.FromSeconds(10));
                    var requestId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("requestId").GetString()!;
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Envelopes.Created.Replace("R-1", requestId)) };
                });
            }

            using var journal = withJournal ? BatchJournal.Open(JournalPath, Header()) : null;
            using var batch = new PayoutBatch(Client(handler), journal, throttleLimit: 2, NullPayoutLog.Instance, CancellationToken.None);

            for (var i = 1; i <= held; i++)
            {
                Assert.True(batch.TryStart(Row(i), TimeSpan.FromSeconds(5)));
            }

            Assert.False(batch.TryStart(Row(held + 1), TimeSpan.FromMilliseconds(200)), "one row more waits: the pipeline stops reading input");

            release.Set();
            Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(10)));
            Assert.Equal(held, batch.Results.Count);
            Assert.Equal(held, handler.Sent.Count);
        }

        [Fact]
        public void Each_ending_reaches_the_journal_as_what_it_is_in_doubt_refused_or_paid_and_reads_back_the_same()
        {
            // Throttle 1: rows go one at a time, in input order, so the script's steps meet them in that order.
            var handler = new ScriptedHandler()
                .ThenConnectionFailure().ThenJson(Envelopes.ListEmpty)   // the answer is lost and the lookup finds nothing yet
                .ThenJson(Envelopes.Code("14001"))                          // refused for the balance
                .ThenJson(Envelopes.Created.Replace("R-1", "R-3"));         // paid
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            using (var batch = new PayoutBatch(Client(handler), journal, throttleLimit: 1, NullPayoutLog.Instance, CancellationToken.None))
            {
                for (var i = 1; i <= 3; i++)
                {
                    Assert.True(batch.TryStart(Row(i), TimeSpan.FromSeconds(10)));
                }

                Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(10)));
            }

            var rows = JournalRows.Open(JournalPath).Rows().ToList();
            Assert.Equal(new[] { RowOutcome.InDoubt, RowOutcome.Refused, RowOutcome.Created }, rows.Select(r => r.Outcome).ToArray());
            var summary = new PayoutBatchSummary();
            foreach (var row in rows)
            {
                summary.Add(row.Outcome, row.RequestId, row.SourceAmount, row.SourceCurrency, row.Fee);
            }

            Assert.Equal(PayoutBatchSummary.ExitInDoubt, summary.ExitCode);
            Assert.Equal(new[] { "R-1" }, summary.InDoubtRequestIds);
        }

        [Fact]
        public void With_ThrottleLimit_1_rows_are_sent_in_input_order()
        {
            var handler = new ScriptedHandler();
            for (var i = 1; i <= 30; i++)
            {
                handler.ThenJson(Envelopes.Created.Replace("R-1", "R-" + i));
            }

            using (var journal = BatchJournal.Open(JournalPath, Header()))
            using (var batch = new PayoutBatch(Client(handler), journal, throttleLimit: 1, NullPayoutLog.Instance, CancellationToken.None))
            {
                for (var i = 1; i <= 30; i++)
                {
                    Assert.True(batch.TryStart(Row(i), TimeSpan.FromSeconds(10)));
                }

                Assert.True(batch.WaitIdle(TimeSpan.FromSeconds(10)));
            }

            var sent = handler.Sent.Select(s => System.Text.Json.JsonDocument.Parse(s.Body).RootElement.GetProperty("requestId").GetString()).ToArray();
            Assert.Equal(Enumerable.Range(1, 30).Select(i => "R-" + i).ToArray(), sent);
        }
    }
}
