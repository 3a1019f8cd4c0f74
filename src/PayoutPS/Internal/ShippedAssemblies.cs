using System;
using System.IO;
using System.Reflection;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Which assembly requests the module answers from its own folder (Windows PowerShell 5.1 only, through
    /// <see cref="DependencyResolver"/>). Compiled for both editions so the rule is tested on any machine.
    /// </summary>
    public static class ShippedAssemblies
    {
        /// <summary>
        /// The file in <paramref name="folder"/> that answers <paramref name="requestedName"/>, or null: only an
        /// assembly the folder ships, and only when one of the folder's own assemblies asks (or the request names
        /// no requester), so another module's load is never hijacked with our copy.
        /// </summary>
        public static string? PathFor(string folder, string requestedName, string? requesterLocation)
        {
            if (!string.IsNullOrEmpty(requesterLocation) && !string.Equals(Path.GetDirectoryName(requesterLocation), folder, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = Path.Combine(folder, new AssemblyName(requestedName).Name + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
