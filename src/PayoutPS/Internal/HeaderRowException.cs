using System;

namespace PayoutPS.Internal
{
    /// <summary>A piped row that is a header read as a row: refused, and the run ends, since the rows after it were read under the wrong header.</summary>
    internal sealed class HeaderRowException : Exception
    {
        public HeaderRowException(string message)
            : base(message)
        {
        }
    }
}
