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

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = ShippedAssemblies.PathFor(Folder, args.Name, args.RequestingAssembly?.Location);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
#endif
