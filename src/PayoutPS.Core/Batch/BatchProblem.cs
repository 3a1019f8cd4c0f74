using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>A problem with one row (or, without a label, with the batch), and the row's name for the message.</summary>
    public sealed class BatchProblem
    {
        public BatchProblem(BatchProblemKind kind, Exception exception, string? label, object? target)
        {
            Kind = kind;
            Exception = exception;
            Label = label;
            Target = target;
        }

        public BatchProblemKind Kind { get; }

        public Exception Exception { get; }

        /// <summary>"Row 3 (CSV line 5), RequestId INV-3": the default error view hides the target, so messages start with it.</summary>
        public string? Label { get; }

        /// <summary>The row's RequestId, else "(row N)"; for a problem of the whole batch, what it is about (the file), or null.</summary>
        public object? Target { get; }

        /// <summary>The label and the exception's message, as the journal records it.</summary>
        public string Message => Label == null || Exception.Message.StartsWith(Label, StringComparison.Ordinal) ? Exception.Message : $"{Label}: {Exception.Message}";
    }
}
