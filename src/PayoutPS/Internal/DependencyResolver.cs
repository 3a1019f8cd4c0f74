#if NETFRAMEWORK
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Windows PowerShell 5.1 only: powershell.exe has no binding redirects for System.Text.Json's
    /// dependencies (System.Memory, System.Buffers…), so a version mismatch would fail to load. Like
    /// PSResourceGet, resolve such requests by name from this module's own folder.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string Folder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        /// <summary>
        /// Answers only for assemblies this module ships and only when one of its own assemblies asks (or the
        /// request names no requester), so another module's load is never hijacked with our copy.
        /// </summary>
        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly?.Location;
            if (!string.IsNullOrEmpty(requester) && !string.Equals(Path.GetDirectoryName(requester), Folder, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = Path.Combine(Folder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
#endif
