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

            _output!.Closed = true; // the pipeline's output is closed now: warnings go to the host
            _runner.Stop("stopped with Ctrl+C before the input ended", nameInFlight: true);

            if (!ValidateOnly && !IsWhatIf())
            {
                Host.UI.WriteWarningLine(NewPayoutOptions.ResumeHint(Journal));
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

        /// <summary>Ends the run with a terminating error, and says so in the summary first.</summary>
        private void Terminate(ErrorRecord record, int exitCode)
        {
            _summary.CouldNotGoOn(exitCode, record.ErrorDetails?.Message ?? record.Exception.Message, NotTried());
            ThrowTerminatingError(record);
        }

        /// <summary>Refuses a parameter's value before anything starts (exit 2), when there is a problem with it.</summary>
        private static void RefuseIf(string? problem, object? value)
        {
            if (problem != null)
            {
                throw new RunRefusedException(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, value), PayoutBatchSummary.ExitInvalidInput);
            }
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
