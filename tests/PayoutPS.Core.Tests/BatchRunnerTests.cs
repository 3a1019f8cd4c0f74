using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// Every ending of a batch run, with its counts and exit code, through the real runner, batch, journal, client and
    /// transport; the HTTP edge is a fake service that makes payouts, and it is the judge of what was paid.
    /// </summary>
    public sealed class BatchRunnerTests : JournalFiles
    {
        private readonly FakePayoutService _service = new FakePayoutService();
        private readonly RecordingSink _sink = new RecordingSink();

        [Fact]
        public void A_finished_run_counts_paid_failed_and_invalid_rows_as_the_service_holds_them()
        {
            _service.StatusOf = id => id == "R-3" ? "F" : "A"; // the provider failed R-3
            using (var runner = Runner(journal: true))
            {
                Add(runner, Row("R-1"), Row("R-2"), Row("R-3"), Row("R-4", ("SendAmount", "12,50")));
                runner.Finish();
            }

            var summary = _sink.Summary!;
            Assert.Equal(new[] { "R-1", "R-2", "R-3" }, _service.Payouts.Keys.OrderBy(k => k));
            Assert.Equal((4, 2, 1, 1), (summary.Rows, summary.Paid, summary.Failed, summary.Invalid));
            Assert.Equal(BatchEnding.Finished, summary.Ending);
            Assert.Equal(PayoutBatchSummary.ExitInvalidInput, summary.ExitCode); // an invalid row outranks a failed one
            Assert.Equal(200.00m, summary.Totals.Single(t => t.Currency == "USD").Sent); // the failed payout's amount left "Sent"
            var invalid = Assert.Single(_sink.Problems);
            Assert.Equal(BatchProblemKind.Invalid, invalid.Kind);
            Assert.StartsWith("Row 4, RequestId R-4: ", invalid.Message);
            Assert.Contains("SendAmount", invalid.Message);
            Assert.Equal(new[] { "R-1", "R-2", "R-3" }, _sink.Paid.OrderBy(k => k));
        }

        [Fact]
        public void Ctrl_C_with_rows_in_flight_counts_them_as_what_they_became_once_answered()
        {
            _service.Hold = new ManualResetEventSlim(false);
            var runner = Runner(journal: true);
            Add(runner, Row("R-1"), Row("R-2"));
            WaitUntil(() => _service.Arrived.Count == 2);

            runner.Stop("stopped with Ctrl+C before the input ended", nameInFlight: true);
            Add(runner, Row("R-3")); // rows after the stop are not started
            _service.Hold.Set();
            runner.Dispose();

            var summary = _sink.Summary!;
            Assert.Equal(2, _sink.Warnings.Count(w => w.StartsWith("Stopped while requestId R-", StringComparison.Ordinal) && w.Contains("in doubt")));
            Assert.Equal(new[] { "R-1", "R-2" }, _service.Payouts.Keys.OrderBy(k => k));
            Assert.Equal(BatchEnding.Stopped, summary.Ending);
            Assert.Equal(2, summary.Paid);
            Assert.Empty(summary.InDoubtRequestIds);
            Assert.Equal(PayoutBatchSummary.ExitStopped, summary.ExitCode);
            Assert.Contains(_sink.Warnings, w => w.StartsWith("New-Payout did not finish:", StringComparison.Ordinal));
        }

        [Fact]
        public void Ctrl_C_with_rows_still_out_after_the_grace_names_each_in_doubt_and_exits_4()
        {
            _service.Hold = new ManualResetEventSlim(false);
            try
            {
                var runner = Runner(journal: true, grace: TimeSpan.FromMilliseconds(200));
                Add(runner, Row("R-1"), Row("R-2"));
                WaitUntil(() => _service.Arrived.Count == 2);

                runner.Stop("stopped with Ctrl+C before the input ended", nameInFlight: true);
                runner.Dispose(); // the answers are held past the grace

                var summary = _sink.Summary!;
                Assert.Equal(new[] { "R-1", "R-2" }, summary.InDoubtRequestIds.OrderBy(k => k));
                Assert.Equal(0, summary.Paid);
                Assert.Equal(PayoutBatchSummary.ExitInDoubt, summary.ExitCode);
                Assert.Contains(_sink.Warnings, w => w.Contains("2 request(s) were still out"));
            }
            finally
            {
                _service.Hold.Set();
            }
        }

        [Fact]
        public void A_terminating_error_mid_run_is_a_stop_whose_finished_rows_are_counted()
        {
            var runner = Runner(journal: true, expectedRows: 5);
            Add(runner, Row("R-1"), Row("R-2"));
            WaitUntil(() => _service.Arrived.Count == 2); // both sent: a row not yet started when the run stops is never started
            runner.Dispose(); // the caller failed before the input ended (a pipeline stopped, an exception)

            var summary = _sink.Summary!;
            Assert.Equal(BatchEnding.Stopped, summary.Ending);
            Assert.Equal("the pipeline was stopped before the input ended", summary.EndingReason);
            Assert.Equal(3, summary.NotTried);
            Assert.Equal(2, summary.Paid);
            Assert.Equal(PayoutBatchSummary.ExitStopped, summary.ExitCode);
        }

        [Fact]
        public void A_journal_lost_while_answers_are_out_ends_the_run_with_the_journals_error_and_exit_3()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return; // Windows refuses to delete an open journal
            }

            _service.Hold = new ManualResetEventSlim(false);
            var runner = Runner(journal: true);
            Add(runner, Row("R-1"));
            WaitUntil(() => _service.Arrived.Count == 1);
            File.Delete(JournalPath);
            _service.Hold.Set();

            var aborted = Assert.Throws<BatchAbortedException>(runner.Finish);
            runner.Dispose();

            var summary = _sink.Summary!;
            Assert.Contains("was deleted", aborted.Message);
            Assert.Equal(BatchEnding.CouldNotGoOn, summary.Ending);
            Assert.Equal(PayoutBatchSummary.ExitConfiguration, summary.ExitCode);
            Assert.Contains("was deleted", summary.EndingReason);
        }

        [Fact]
        public void A_header_read_as_a_row_ends_the_run_after_the_rows_before_it_and_tries_none_after()
        {
            using (var runner = Runner(journal: false))
            {
                Add(runner, Row("R-1"));
                runner.Add(() => throw new HeaderRowException("this row repeats the header"), () => null);
                Add(runner, Row("R-3"), Row("R-4"));
                runner.Finish();
                Assert.NotNull(runner.HeaderRow);
            }

            var summary = _sink.Summary!;
            Assert.Equal(new[] { "R-1" }, _service.Payouts.Keys);
            Assert.Equal(PayoutBatchSummary.ExitInvalidInput, summary.ExitCode);
            Assert.Equal(2, summary.NotTried);
            Assert.StartsWith("Row 2, no RequestId: this row repeats the header", summary.EndingReason);
        }

        [Fact]
        public void Checking_only_sends_nothing_and_counts_every_row_checked()
        {
            using (var runner = Runner(journal: false, checkOnly: true))
            {
                Add(runner, Row("R-1"), Row("R-2"));
                runner.Finish();
            }

            Assert.Empty(_service.Arrived);
            Assert.Equal((2, 0, PayoutBatchSummary.ExitAllPaid), (_sink.Summary!.Checked, _sink.Summary.Paid, _sink.Summary.ExitCode));
            Assert.Equal(2, _sink.CheckedRows);
        }

        [Fact]
        public void No_rows_is_an_invalid_input_named_by_its_file()
        {
            using (var runner = Runner(journal: false, inputName: "/data/payroll.csv"))
            {
                runner.Finish();
            }

            var problem = Assert.Single(_sink.Problems);
            Assert.Equal(BatchProblemKind.NoRows, problem.Kind);
            Assert.Contains("/data/payroll.csv has no rows", problem.Message);
            Assert.Equal(PayoutBatchSummary.ExitInvalidInput, _sink.Summary!.ExitCode);
        }

        [Fact]
        public void A_rerun_of_a_finished_journal_sends_nothing_and_counts_the_journals_payouts()
        {
            using (var first = Runner(journal: true))
            {
                Add(first, Row("R-1"), Row("R-2"));
                first.Finish();
            }

            var rerunSink = new RecordingSink();
            using (var rerun = Runner(journal: true, sink: rerunSink))
            {
                Add(rerun, Row("R-1"), Row("R-2"));
                rerun.Finish();
            }

            Assert.Equal(2, _service.Arrived.Count); // each sent once, by the first run
            Assert.Equal((2, 2, PayoutBatchSummary.ExitAllPaid), (rerunSink.Summary!.FromJournal, rerunSink.Summary.Paid, rerunSink.Summary.ExitCode));
            Assert.Equal(new[] { "R-1", "R-2" }, rerunSink.Paid.OrderBy(k => k));
        }

        private BatchRunner Runner(bool journal, bool checkOnly = false, int? expectedRows = null, string? inputName = null, TimeSpan? grace = null, RecordingSink? sink = null)
        {
            sink ??= _sink;
            var header = Header();
            var run = BatchRun.Open(new BatchRunOptions { JournalPath = journal ? JournalPath : null, Header = header, Ids = RequestIdSource.Required });
            var batch = checkOnly ? null : new PayoutBatch(_service.Client(), run.Journal, throttleLimit: 4, NullPayoutLog.Instance, CancellationToken.None);
            var runner = new BatchRunner(run, batch, sink, new BatchRunnerOptions
            {
                CheckOnly = checkOnly, ExpectedRows = expectedRows, InputName = inputName, StopGrace = grace ?? TimeSpan.FromSeconds(30),
            });
            sink.Summary = runner.Summary;
            return runner;
        }

        private static void Add(BatchRunner runner, params Dictionary<string, object?>[] rows)
        {
            foreach (var row in rows)
            {
                runner.Add(() => new Dictionary<string, object?>(row), () => row["RequestId"] as string);
            }
        }

        private static Dictionary<string, object?> Row(string requestId, params (string Name, object? Value)[] extra) =>
            InputRows.Row(new[] { ("RequestId", (object?)requestId), ("Reference", (object?)("pay " + requestId)) }.Concat(extra).ToArray());

        private static void WaitUntil(Func<bool> condition)
        {
            Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(30)), "the condition did not come true within 30 s");
        }

        /// <summary>What the runner showed, as New-Payout's output would carry it.</summary>
        private sealed class RecordingSink : IBatchSink
        {
            public PayoutBatchSummary? Summary { get; set; }

            public List<string> Paid { get; } = new List<string>();

            public List<BatchProblem> Problems { get; } = new List<BatchProblem>();

            public List<string> Warnings { get; } = new List<string>();

            public int CheckedRows { get; private set; }

            public string RowLabel(int row, string? requestId) => (row == 0 ? string.Empty : $"Row {row}, ") + (requestId == null ? "no RequestId" : "RequestId " + requestId);

            public bool MaySend(BatchRow row) => true;

            public void Checked(BatchRow row, bool declined) => CheckedRows++;

            void IBatchSink.Paid(BatchRow row, PayoutRecord payout) => Paid.Add(payout.RequestId!);

            public void Problem(BatchProblem problem) => Problems.Add(problem);

            public void Warning(string message) => Warnings.Add(message);

            public void Verbose(string message)
            {
            }

            public void Progress(PayoutBatchSummary summary, int inFlight)
            {
            }
        }
    }
}
