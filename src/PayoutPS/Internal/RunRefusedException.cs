using System;
using System.Management.Automation;

namespace PayoutPS.Internal
{
    /// <summary>A batch that cannot start, as the error to end it with and the exit code its summary gets.</summary>
    internal sealed class RunRefusedException : Exception
    {
        public RunRefusedException(ErrorRecord record, int exitCode)
            : base(record.Exception.Message, record.Exception)
        {
            Record = record;
            ExitCode = exitCode;
        }

        public ErrorRecord Record { get; }

        public int ExitCode { get; }
    }
}
