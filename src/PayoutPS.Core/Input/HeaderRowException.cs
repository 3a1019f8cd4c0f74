using System;

namespace PayoutPS.Core.Input
{
    /// <summary>A piped row that is a header read as a row: refused, and the run ends, since the rows after it were read under the wrong header.</summary>
    public sealed class HeaderRowException : Exception
    {
        public HeaderRowException(string message)
            : base(message)
        {
        }
    }
}
