using System;

namespace PayoutPS.Core
{
    /// <summary>A request cannot be built from the given input; the message names the field and the fix.</summary>
    [Serializable]
    public sealed class PayoutRequestException : Exception
    {
        public PayoutRequestException(string message, string? field = null)
            : base(message)
        {
            Field = field;
        }

        /// <summary>The parameter or field at fault, when one is.</summary>
        public string? Field { get; }
    }
}
