using System;
#if !NETFRAMEWORK
using System.Runtime.InteropServices;
#endif

namespace PayoutPS.Internal
{
    /// <summary>
    /// While a batch sends, SIGTERM (systemd stopping a service, docker stop, kill) is turned into what Ctrl+C does:
    /// the run stops taking rows, requests in flight get their time, every row is counted, and the calling script's
    /// finally blocks run, so it can exit with the batch's code. Left alone, the runtime ends the process at once
    /// with 143, and no script line runs. Not on Windows, where a scheduler ends a task without a signal.
    /// </summary>
    internal sealed class TerminateAsInterrupt : IDisposable
    {
#if !NETFRAMEWORK
        private const int SigInt = 2;
        private readonly PosixSignalRegistration? _registration;

        public TerminateAsInterrupt()
        {
            if (!OperatingSystem.IsWindows())
            {
                _registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true; // the process goes on, and stops the way Ctrl+C stops it
                    _ = kill(Environment.ProcessId, SigInt);
                });
            }
        }

        public void Dispose() => _registration?.Dispose();

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
#else
        public void Dispose()
        {
        }
#endif
    }
}
