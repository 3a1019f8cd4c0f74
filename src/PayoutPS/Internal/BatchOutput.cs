using System;
using PayoutPS.Core.Input;
using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// How New-Payout's rows reach PowerShell (the <see cref="IBatchSink"/> of its <see cref="BatchRunner"/>): payouts
    /// as objects, problems as errors naming the row and its CSV line, transport messages as Verbose and Debug, and
    /// progress. What a row's outcome is, and how it is counted, is the runner's; this class only writes. Pipeline thread only.
    /// </summary>
    internal sealed class BatchOutput : IBatchSink
    {
        private readonly PSCmdlet _cmdlet;
        private readonly PayoutContext? _context;
        private readonly BatchProgress _progress;
        private readonly QueuedLog _log;
        private readonly Func<BatchRow, bool> _maySend;
        private readonly bool _deferErrors;
        private readonly List<ErrorRecord> _deferred = new List<ErrorRecord>();
        private readonly List<int> _lines = new List<int>(); // -Path: the physical line each row starts on
        private readonly IRowFile? _file;

        /// <param name="deferErrors">
        /// With -ErrorAction Stop (common in admin scripts) one bad row would end the batch and leave the rest
        /// untried: row errors are then shown as warnings, and the run fails once every row has had its turn.
        /// </param>
        /// <param name="maySend">ShouldProcess for one row: false under -WhatIf or when declined.</param>
        /// <param name="file">-Path: the file, which says where a row is ("CSV line 5", "PmtInf 1, CdtTrfTxInf 3, …").</param>
        public BatchOutput(PSCmdlet cmdlet, PayoutContext? context, BatchProgress progress, QueuedLog log, bool deferErrors, Func<BatchRow, bool> maySend, IRowFile? file)
        {
            _file = file;
            _cmdlet = cmdlet;
            _context = context;
            _progress = progress;
            _log = log;
            _deferErrors = deferErrors;
            _maySend = maySend;
        }

        /// <summary>Set once the pipeline's output is closed (Ctrl+C, or the run is being disposed): warnings then go to the host.</summary>
        public bool Closed { get; set; }

        /// <summary>The next row of a -Path file starts on physical line <paramref name="line"/>.</summary>
        public void AddLine(int line) => _lines.Add(line);

        /// <summary>
        /// "Row 3 (CSV line 5), RequestId INV-3": in the message, since the default error view hides TargetObject.
        /// The physical line is known only when PayoutPS read the file (-Path); piped rows are counted.
        /// </summary>
        public string RowLabel(int row, string? requestId)
        {
            var id = requestId == null ? "no RequestId" : "RequestId " + requestId;
            return row == 0 ? id : row <= _lines.Count ? $"Row {row} ({_file?.Where(_lines[row - 1])}), {id}" : $"Row {row}, {id}";
        }

        public bool MaySend(BatchRow row) => _maySend(row);

        public void Checked(BatchRow row, bool declined)
        {
            if (declined)
            {
                _cmdlet.WriteObject(PayoutResult.WhatIf(row.Request, row.Fields, _context!, row.Payee, row.Row));
            }
        }

        public void Paid(BatchRow row, PayoutRecord payout) => _cmdlet.WriteObject(PayoutResult.From(payout, _context!, row.Payee, row.Row));

        public void Problem(BatchProblem problem)
        {
            switch (problem.Kind)
            {
                case BatchProblemKind.NoRows:
                    _cmdlet.WriteError(new ErrorRecord(problem.Exception, ErrorIds.NoRows, ErrorCategory.InvalidData, problem.Target));
                    return;
                case BatchProblemKind.PaidTwice:
                    Report(new ErrorRecord(problem.Exception, ErrorIds.PaidTwice, ErrorCategory.ResourceExists, null) { ErrorDetails = new ErrorDetails(problem.Message) });
                    return;
                default:
                    Report(ErrorRecords.ForRow(problem.Exception, problem.Label!, problem.Target ?? "(batch)", ErrorId(problem.Kind)));
                    return;
            }
        }

        public void Warning(string message)
        {
            if (Closed)
            {
                _cmdlet.Host.UI.WriteWarningLine(message);
                return;
            }

            _cmdlet.WriteWarning(message);
        }

        public void Verbose(string message)
        {
            if (!Closed)
            {
                _cmdlet.WriteVerbose(message);
            }
        }

        /// <summary>Writes queued log lines and progress.</summary>
        public void Progress(PayoutBatchSummary summary, int inFlight)
        {
            while (_log.Messages.TryDequeue(out var message))
            {
                if (message.IsDebug)
                {
                    _cmdlet.WriteDebug(message.Message);
                }
                else
                {
                    _cmdlet.WriteVerbose(message.Message);
                }
            }

            _progress.Report(summary, inFlight);
        }

        /// <summary>Under -ErrorAction Stop, the error the run ends with once every row had its turn; null when no row failed.</summary>
        public ErrorRecord? DeferredError()
        {
            if (_deferred.Count == 0)
            {
                return null;
            }

            var first = _deferred[0];
            return new ErrorRecord(first.Exception, first.FullyQualifiedErrorId.Split(',')[0], first.CategoryInfo.Category, first.TargetObject)
            {
                ErrorDetails = new ErrorDetails($"{_deferred.Count} payout(s) were not paid (each is in the warnings above; the batch went on). The first: {first.ErrorDetails?.Message ?? first.Exception.Message}"),
            };
        }

        private void Report(ErrorRecord record)
        {
            if (_deferErrors)
            {
                _cmdlet.WriteWarning(record.ErrorDetails?.Message ?? record.Exception.Message);
                _deferred.Add(record);
                return;
            }

            _cmdlet.WriteError(record);
        }

        /// <summary>The error id a problem is known by; null: the exception's own (see <see cref="ErrorRecords.From"/>).</summary>
        private static string? ErrorId(BatchProblemKind kind)
        {
            switch (kind)
            {
                case BatchProblemKind.RequestIdReused: return ErrorIds.RequestIdReused;
                case BatchProblemKind.ChangedSinceJournal: return ErrorIds.JournalRowChanged;
                case BatchProblemKind.DuplicateSuspected: return ErrorIds.DuplicateSuspected;
                case BatchProblemKind.AmbiguousRow: return ErrorIds.AmbiguousRow;
                default: return null;
            }
        }
    }
}
