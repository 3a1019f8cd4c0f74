using System.IO;
using System.Runtime.InteropServices;

namespace PayoutPS.Core.Batch
{
    /// <summary>What a journal's path names, said plainly: before a run starts and at every group commit.</summary>
    internal static class JournalPaths
    {
        /// <summary>Refuses a path that cannot hold a journal, saying what it is instead.</summary>
        public static void CheckUsable(string path)
        {
            if (Directory.Exists(path))
            {
                throw new JournalException($"Journal {path} is a folder; give a file name, such as {Path.Combine(path, "payroll.journal")}. Nothing was sent.");
            }

            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new JournalException($"Journal {path} cannot be created: its folder {folder} does not exist. Create it first. Nothing was sent.");
            }
        }

        /// <summary>Refuses a path that names no journal to read (a folder, no file), saying what it is instead.</summary>
        public static void CheckReadable(string path)
        {
            if (Directory.Exists(path))
            {
                throw new JournalException($"Journal {path} is a folder; give the journal file in it (New-Payout -Journal names it, such as payroll.csv.journal).");
            }

            if (!File.Exists(path))
            {
                throw new JournalException($"There is no journal {path}: give the file New-Payout -Journal wrote (Get-ChildItem *.journal lists them).");
            }
        }

        /// <summary>Null while <paramref name="path"/> still names the file we wrote <paramref name="written"/> bytes to; otherwise what happened to it.</summary>
        public static string? WhatHappened(string path, long written)
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                return "lost its folder (removed or renamed)";
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return "was deleted or renamed";
            }

            // Windows refuses to delete, truncate or replace a file this run holds open, and reports the size of
            // an open file lazily: the length check is for systems that allow those things.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return null;
            }

            if (file.Length < written)
            {
                return file.Length == 0 ? "was emptied" : "was cut short";
            }

            return file.Length > written ? "was replaced by another file (or written by another program)" : null;
        }
    }

    /// <summary>Makes a rename durable: on Unix the folder itself must be flushed, or a power cut can undo it.</summary>
    internal static class DirectorySync
    {
        private const int ReadOnly = 0;

        public static void Flush(string folder)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return; // NTFS journals the rename itself
            }

            var fd = open(folder, ReadOnly);
            if (fd < 0)
            {
                return; // best effort: the file's own contents are already on the device
            }

            try
            {
                fsync(fd);
            }
            finally
            {
                close(fd);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int fd);

        [DllImport("libc")]
        private static extern int close(int fd);
    }
}
