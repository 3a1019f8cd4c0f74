using System;
using System.IO;

namespace PayoutPS.Core.Keys
{
    /// <summary>Whether a key file is kept from other accounts: its POSIX mode (Windows ACLs are not read yet).</summary>
    public static class KeyFilePermissions
    {
        /// <summary>What is wrong with <paramref name="path"/>'s permissions, with the fix; null when nothing, or when this system cannot tell.</summary>
        public static string? Problem(string path)
        {
#if NETFRAMEWORK
            return null;
#else
            if (OperatingSystem.IsWindows() || !File.Exists(path))
            {
                return null;
            }

            var mode = File.GetUnixFileMode(path);
            var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            return (mode & others) == 0
                ? null
                : $"{path} is mode {Convert.ToString((int)mode, 8)}: other users can read or change the key. Fix: chmod 600 '{path}'";
#endif
        }

        /// <summary>The file's mode for people ("600"); null where there is none.</summary>
        public static string? Mode(string path)
        {
#if NETFRAMEWORK
            return null;
#else
            return OperatingSystem.IsWindows() ? null : Convert.ToString((int)File.GetUnixFileMode(path), 8);
#endif
        }
    }
}
