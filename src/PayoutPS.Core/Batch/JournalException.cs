using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>A journal cannot be used (corrupt, locked, another merchant's); nothing was sent.</summary>
    [Serializable]
    public sealed class JournalException : Exception
    {
        public JournalException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
