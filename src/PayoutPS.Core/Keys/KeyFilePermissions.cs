using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Security.Principal;

namespace PayoutPS.Core.Keys
{
    /// <summary>Whether a key file is kept from other accounts: its POSIX mode, or on Windows its ACL.</summary>
    public static class KeyFilePermissions
    {
        /// <summary>What is wrong with <paramref name="path"/>'s permissions, with the fix; null when nothing, or when this system cannot tell.</summary>
        public static string? Problem(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

#if NETFRAMEWORK
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
#else
            if (OperatingSystem.IsWindows())
#endif
            {
                var broad = BroadWindowsGrant(path);
                return broad == null ? null : $"{path} grants {broad} access: other users can read or change the key. Fix: icacls \"{path}\" /inheritance:r /grant:r \"%USERNAME%:R\"";
            }

#if NETFRAMEWORK
            return null;
#else
            var mode = File.GetUnixFileMode(path);
            var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            return (mode & others) == 0
                ? null
                : $"{path} is mode {Convert.ToString((int)mode, 8)}: other users can read or change the key. Fix: chmod 600 '{path}'";
#endif
        }

        /// <summary>The file's mode for people ("600"); null where there is none (Windows, Windows PowerShell).</summary>
        public static string? Mode(string path)
        {
#if NETFRAMEWORK
            return null;
#else
            return OperatingSystem.IsWindows() ? null : Convert.ToString((int)File.GetUnixFileMode(path), 8);
#endif
        }

        /// <summary>
        /// The first group that every user belongs to (Everyone, Users, Authenticated Users) that the file's ACL
        /// lets read or write it; null when none, or when the ACL cannot be read. Not proven on Windows by this
        /// project's tests, which run on Linux.
        /// </summary>
#if !NETFRAMEWORK
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
        private static string? BroadWindowsGrant(string path)
        {
            try
            {
#if NETFRAMEWORK
                var acl = File.GetAccessControl(path);
#else
                var acl = new FileInfo(path).GetAccessControl();
#endif
                var broad = new[] { WellKnownSidType.WorldSid, WellKnownSidType.BuiltinUsersSid, WellKnownSidType.AuthenticatedUserSid };
                foreach (FileSystemAccessRule rule in acl.GetAccessRules(true, true, typeof(SecurityIdentifier)))
                {
                    if (rule.AccessControlType != AccessControlType.Allow || (rule.FileSystemRights & (FileSystemRights.Read | FileSystemRights.Write)) == 0)
                    {
                        continue;
                    }

                    foreach (var type in broad)
                    {
                        if (((SecurityIdentifier)rule.IdentityReference).IsWellKnown(type))
                        {
                            return rule.IdentityReference.Translate(typeof(NTAccount)).Value;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is PlatformNotSupportedException || ex is IdentityNotMappedException || ex is IOException)
            {
                // The ACL cannot be read from this account: nothing to say.
            }

            return null;
        }
    }
}
