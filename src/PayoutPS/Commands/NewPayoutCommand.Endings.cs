using System;
using System.Management.Automation;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// How a New-Payout run ends when it does not finish: Ctrl+C, a pipeline stopped downstream, a terminating
    /// error. Every ending leaves its exit code in the summary, and requests already out get their timeout to answer.
    /// </summary>
    public sealed partial class NewPayoutCommand
    {
        /// <summary>
        /// Ctrl+C: no new row or attempt starts; requests already out may finish or time out, and their outcomes
        /// go to the journal. The pipeline's output is closed now, so the report goes to the host.
        /// </summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            if (_runner == null)
            {
                _summary.StopEarly("stopped with Ctrl+C before the input ended", NotTried());
                return;
            }

            _output!.Closed = true;
            var inFlight = _runner.Stop("stopped with Ctrl+C before the input ended");
            foreach (var row in inFlight)
            {
                Host.UI.WriteWarningLine($"Stopped while requestId {row.RequestId} was in flight: it is in doubt (it may have been paid) until its answer comes.");
            }

            if (!ValidateOnly && !IsWhatIf())
            {
                Host.UI.WriteWarningLine(Journal != null
                    ? $"To resume, run the same command again with -Journal {Journal}: paid rows are not sent again and rows in doubt are looked up first."
                    : "To settle rows in doubt, run Get-PayoutStatus -RequestId <id>, or send them again with the same RequestId: that can never pay twice.");
            }
        }

        /// <summary>
        /// However the run ended (finished, Ctrl+C, a pipeline stopped downstream, a terminating error): the runner
        /// gives requests still out their time and counts them, so the summary is whole before anyone reads it.
        /// </summary>
        protected override void DisposeResources()
        {
            if (_runner != null)
            {
                _output!.Closed = true;
                _runner.Dispose();
            }
            else if (_summary.Ending == BatchEnding.Running)
            {
                _summary.StopEarly("the pipeline was stopped before the input ended", NotTried());
            }

            _file?.Dispose();
            _sigterm?.Dispose();
        }

        /// <summary>-BatchId and -DuplicateWindow are checked before anything is read or sent.</summary>
        private void CheckBatchParameters()
        {
            string? problem = null;
            if (BatchId != null)
            {
                problem = SenderBatchIds.Problem(BatchId)
                    ?? (GenerateRequestId ? "-BatchId derives each row's RequestId from the pay run's name; -GenerateRequestId would make random ones instead. Give one of them, not both." : null);
            }

            if (problem == null && DuplicateWindow is TimeSpan window && (window < MinimumDuplicateWindow || window > PayoutClient.LookupWindow))
            {
                problem = $"-DuplicateWindow {window} is {(window < MinimumDuplicateWindow ? "shorter than a minute" : $"longer than {PayoutClient.LookupWindow.TotalDays} days")}: " +
                          "a plain number binds as ticks (-DuplicateWindow 72 is 7.2 microseconds). Write 72 hours as -DuplicateWindow 3.00:00:00 or -DuplicateWindow (New-TimeSpan -Hours 72).";
            }

            if (problem != null)
            {
                Terminate(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, BatchId), PayoutBatchSummary.ExitInvalidInput);
            }
        }

        /// <summary>A shorter window guards nothing a rerun would meet: it is a mistyped one.</summary>
        private static readonly TimeSpan MinimumDuplicateWindow = TimeSpan.FromMinutes(1);

        /// <summary>-ErrorAction, else $ErrorActionPreference as the caller's scope sees it (a local copy holds plain text).</summary>
        private ActionPreference ErrorAction()
        {
            var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo(value, out ActionPreference preference) ? preference : ActionPreference.Continue;
        }

        /// <summary>Ends the run with a terminating error, and says so in the summary first.</summary>
        private void Terminate(ErrorRecord record, int exitCode)
        {
            _summary.CouldNotGoOn(exitCode, record.ErrorDetails?.Message ?? record.Exception.Message, NotTried());
            ThrowTerminatingError(record);
        }

        /// <summary>Runs a step whose own terminating error (not connected, no confirmation) ends the run: the summary says so.</summary>
        private T EndsRunOnError<T>(int exitCode, string what, Func<T> step)
        {
            try
            {
                return step();
            }
            catch (Exception ex)
            {
                // A terminating error arrives here as PipelineStoppedException; after Ctrl+C the summary already says Stopped.
                _summary.CouldNotGoOn(exitCode, ex is PipelineStoppedException ? what : what + ": " + ex.Message, NotTried());
                throw;
            }
        }

        /// <summary>Rows of the file not tried yet; null for pipeline input, whose length is unknown.</summary>
        private int? NotTried() => _runner != null ? _runner.NotTried : _file == null ? (int?)null : _progress!.Total;
    }
}
