using System;
using System.Net;

namespace PayoutPS.Core.Transport
{
    /// <summary>Which machine an address names, compared the way DNS does (no case, no trailing dot).</summary>
    public static class Hosts
    {
        /// <summary>This machine: localhost, 127.0.0.0/8 or ::1.</summary>
        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        /// <summary>The same host name, however it is written ("API.example.com." is "api.example.com").</summary>
        public static bool Same(Uri a, Uri b) => string.Equals(a.IdnHost.TrimEnd('.'), b.IdnHost.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
    }
}
