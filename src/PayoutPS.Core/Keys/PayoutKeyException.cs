using System;

namespace PayoutPS.Core.Keys
{
    /// <summary>
    /// Key material could not be used. The message says what was expected; it never contains the key
    /// itself, and parser exceptions are not chained because their messages can quote input bytes.
    /// </summary>
    [Serializable]
    public sealed class PayoutKeyException : Exception
    {
        public PayoutKeyException(string message)
            : base(message)
        {
        }
    }
}
