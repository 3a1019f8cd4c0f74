using System;
#if !NETFRAMEWORK
using System.Runtime.InteropServices;
#endif

namespace PayoutPS.Internal
{
    /// <summary>
    /// While a batch sends, SIGTERM (systemd stopping a service, docker stop, kill) stops the run the way Ctrl+C does:
    /// no new row starts, requests in flight get their time, every row is counted, and New-Payout returns with a
    /// summary that says Stopped (exit code 5, or 4 with rows in doubt), so the calling script exits with it. Left
    /// alone, the runtime ends the process at once with 143, and no script line runs. Not on Windows, where a
    /// scheduler ends a task without a signal.
    /// The run is stopped directly, not by raising SIGINT: a process started in the background of a shell script
    /// (`pwsh -File task.ps1 &`) inherits SIGINT ignored, and SIGTERM would then stop nothing at all.
    /// </summary>
    internal sealed class StopOnSigterm : IDisposable
    {
#if !NETFRAMEWORK
        private readonly PosixSignalRegistration? _registration;

        public StopOnSigterm(Action stop)
        {
            if (!OperatingSystem.IsWindows())
            {
                _registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true; // the process goes on, to count what was sent and end with the batch's code
                    stop();
                });
            }
        }

        public void Dispose() => _registration?.Dispose();
#else
        public StopOnSigterm(Action stop)
        {
        }

        public void Dispose()
        {
        }
#endif
    }
}
