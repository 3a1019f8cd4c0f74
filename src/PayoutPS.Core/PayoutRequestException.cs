using System;

namespace PayoutPS.Core
{
    /// <summary>A request cannot be built from the given input; the message names the field and the fix.</summary>
    [Serializable]
    public sealed class PayoutRequestException : Exception
    {
        public PayoutRequestException(string message)
            : base(message)
        {
        }
    }
}
