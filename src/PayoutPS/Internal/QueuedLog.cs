using System.Collections.Concurrent;
using PayoutPS.Core.Transport;

namespace PayoutPS.Internal
{
    /// <summary>Collects transport messages from any thread so the cmdlet can write them from the pipeline thread.</summary>
    internal sealed class QueuedLog : IPayoutLog
    {
        private readonly bool _verbose;

        /// <param name="verbose">False when nobody reads Verbose: a batch then skips two messages per row.</param>
        public QueuedLog(bool debug = true, bool verbose = true)
        {
            IsDebugEnabled = debug;
            _verbose = verbose;
        }

        public bool IsDebugEnabled { get; }

        public ConcurrentQueue<(bool IsDebug, string Message)> Messages { get; } = new ConcurrentQueue<(bool, string)>();

        public void Verbose(string message)
        {
            if (_verbose)
            {
                Messages.Enqueue((false, message));
            }
        }

        public void Debug(string message)
        {
            if (IsDebugEnabled)
            {
                Messages.Enqueue((true, message));
            }
        }
    }
}
