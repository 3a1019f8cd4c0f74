using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Every row of a file checked by New-Payout -ValidateOnly's own rules (the Core run loop, sending nothing), for
    /// cmdlets that must know a file is payable before they vouch for it (Approve-PayoutBatch).
    /// </summary>
    internal static class FileRowCheck
    {
        private static readonly IReadOnlyDictionary<string, object?> NoCommandLine = new Dictionary<string, object?>();

        /// <summary>What is wrong with the file's rows, each named by row and CSV line; empty when every row is payable.</summary>
        public static IReadOnlyList<string> Problems(InputFile file, RowMapper mapper, int rows)
        {
            var sink = new ProblemSink(file.Source);
            var run = new BatchRunOptions { Ids = RequestIdSource.Placeholder, ExpectedRows = rows };
            var options = new BatchRunnerOptions { CheckOnly = true, ExpectedRows = rows, InputName = file.FullPath };
            using (var runner = BatchRunner.Open(run, options, sink, null, 1, new QueuedLog()))
            {
                foreach (var record in file.Source.Rows())
                {
                    sink.Lines.Add(record.Line);
                    var row = PSObject.AsPSObject(record.Fields);
                    runner.Add(() => mapper.Map(row, NoCommandLine, new List<string>()), () => mapper.RequestIdOf(row), isRow: true);
                }

                runner.Finish();
                if (runner.HeaderRow is BatchProblem header)
                {
                    sink.Problems.Add(header.Message);
                }
            }

            return sink.Problems;
        }

        /// <summary>"2 of its 6 row(s) would be refused. Row 3 (CSV line 4), …: …; …" (the first five), or null when every row is payable.</summary>
        public static string? Refusal(InputFile file, RowMapper mapper, int rows, string noun)
        {
            var problems = Problems(file, mapper, rows);
            return problems.Count == 0 ? null
                : $"{problems.Count} of its {rows} {noun}(s) would be refused. {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? "; …" : string.Empty)}";
        }

        private sealed class ProblemSink : IBatchSink
        {
            private readonly IRowFile _file;

            public ProblemSink(IRowFile file) => _file = file;

            public List<int> Lines { get; } = new List<int>();

            public List<string> Problems { get; } = new List<string>();

            public string RowLabel(int row, string? requestId) =>
                (row >= 1 && row <= Lines.Count ? $"Row {row} ({_file.Where(Lines[row - 1])})" : $"Row {row}") + (requestId == null ? string.Empty : ", RequestId " + requestId);

            public bool MaySend(BatchRow row) => false;

            public void Checked(BatchRow row, bool declined)
            {
            }

            public void Paid(BatchRow row, PayoutRecord payout)
            {
            }

            public void Problem(BatchProblem problem) => Problems.Add(problem.Message);

            public void Warning(string message)
            {
            }

            public void Verbose(string message)
            {
            }

            public void Progress(PayoutBatchSummary summary, int inFlight)
            {
            }
        }
    }
}
