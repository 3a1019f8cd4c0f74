namespace PayoutPS.Core.Transport
{
    /// <summary>
    /// Where the transport reports what it does. Messages are already redacted. May be called from any
    /// thread; the PowerShell layer queues them and writes them from the pipeline thread.
    /// </summary>
    public interface IPayoutLog
    {
        /// <summary>Method, path, respCode, attempt and timing.</summary>
        void Verbose(string message);

        /// <summary>Redacted request and response bodies.</summary>
        void Debug(string message);

        /// <summary>False when nobody reads Debug: redacting every body of a 20,000-row batch for nobody costs real time.</summary>
        bool IsDebugEnabled { get; }
    }

    /// <summary>A log that discards everything.</summary>
    public sealed class NullPayoutLog : IPayoutLog
    {
        public static readonly NullPayoutLog Instance = new NullPayoutLog();

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public bool IsDebugEnabled => false;
    }
}
