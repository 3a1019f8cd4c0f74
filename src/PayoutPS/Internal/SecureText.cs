using System.Net;
using System.Security;

namespace PayoutPS.Internal
{
    internal static class SecureText
    {
        /// <summary>
        /// The plain text of a SecureString, for the moment a key is parsed. NetworkCredential does the
        /// unmanaged copy and cleanup on both .NET Framework and .NET.
        /// </summary>
        public static string? Reveal(SecureString? secure) =>
            secure == null ? null : new NetworkCredential(string.Empty, secure).Password;
    }
}
