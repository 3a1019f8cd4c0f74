using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PayoutPS.Core.Approval
{
    /// <summary>
    /// The approvals beside a batch file (payroll.csv → payroll.csv.approvals): one JSON line per approval, appended,
    /// never rewritten, so a second approver adds a line and no approver can remove another's.
    /// </summary>
    public static class ApprovalFile
    {
        public static string For(string batchFile) => batchFile + ".approvals";

        /// <summary>Every non-blank line of <paramref name="path"/>; none when the file does not exist.</summary>
        public static IReadOnlyList<ApprovalLine> Read(string path)
        {
            var entries = new List<ApprovalLine>();
            if (!File.Exists(path))
            {
                return entries;
            }

            var number = 0;
            foreach (var line in File.ReadAllLines(path, new UTF8Encoding(false, true)))
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    entries.Add(new ApprovalLine(number, BatchApproval.Parse(line), null));
                }
                catch (FormatException ex)
                {
                    entries.Add(new ApprovalLine(number, null, ex.Message));
                }
            }

            return entries;
        }

        /// <summary>Appends one approval as a line and makes it durable before returning.</summary>
        public static void Append(string path, BatchApproval approval)
        {
            var bytes = new UTF8Encoding(false).GetBytes(approval.ToJsonLine() + "\n");
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(true);
        }
    }
}
