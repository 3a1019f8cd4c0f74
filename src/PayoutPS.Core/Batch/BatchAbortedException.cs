using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// A run that cannot go on (the journal cannot be written): the summary already says so, with its exit code; the
    /// caller ends with this error.
    /// </summary>
    public sealed class BatchAbortedException : Exception
    {
        public BatchAbortedException(string message, Exception inner, string? journal)
            : base(message, inner)
        {
            Journal = journal;
        }

        public string? Journal { get; }
    }
}
