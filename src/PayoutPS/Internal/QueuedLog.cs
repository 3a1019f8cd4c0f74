using System.Collections.Concurrent;
using PayoutPS.Core.Transport;

namespace PayoutPS.Internal
{
    /// <summary>Collects transport messages from any thread so the cmdlet can write them from the pipeline thread.</summary>
    internal sealed class QueuedLog : IPayoutLog
    {
        public QueuedLog(bool debug = true) => IsDebugEnabled = debug;

        public bool IsDebugEnabled { get; }

        public ConcurrentQueue<(bool IsDebug, string Message)> Messages { get; } = new ConcurrentQueue<(bool, string)>();

        public void Verbose(string message) => Messages.Enqueue((false, message));

        public void Debug(string message) => Messages.Enqueue((true, message));
    }
}
