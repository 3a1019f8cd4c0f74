using System;
using PayoutPS.Core.Approval;

namespace PayoutPS.Models
{
    /// <summary>One approval of a batch file, as Approve-PayoutBatch wrote it or Test-PayoutApproval judged it.</summary>
    public sealed class PayoutApproval
    {
        /// <summary>The approved file's full path.</summary>
        public string File { get; private set; } = string.Empty;

        /// <summary>The approvals file beside it (payroll.csv.approvals).</summary>
        public string ApprovalsFile { get; private set; } = string.Empty;

        /// <summary>The approval's line in the approvals file.</summary>
        public int Line { get; private set; }

        /// <summary>Who approved: the certificate's subject.</summary>
        public string? Approver { get; private set; }

        public string? Thumbprint { get; private set; }

        public DateTime? Signed { get; private set; }

        public DateTime? Expires { get; private set; }

        public string? Comment { get; private set; }

        public int? Rows { get; private set; }

        /// <summary>The totals the approver saw and signed.</summary>
        public string? Totals { get; private set; }

        public string? Merchant { get; private set; }

        public string? Environment { get; private set; }

        /// <summary>Whether this approval counts under the policy asked for (see Problem when it does not).</summary>
        public bool IsValid { get; private set; }

        public string? Problem { get; private set; }

        internal static PayoutApproval From(ApprovalLine judged, string file)
        {
            var approval = judged.Approval;
            return new PayoutApproval
            {
                File = file,
                ApprovalsFile = ApprovalFile.For(file),
                Line = judged.Line,
                Approver = approval?.Approver,
                Thumbprint = approval?.Thumbprint,
                Signed = approval == null ? (DateTime?)null : DateTime.SpecifyKind(approval.SignedUtc, DateTimeKind.Utc),
                Expires = approval == null ? (DateTime?)null : DateTime.SpecifyKind(approval.ExpiresUtc, DateTimeKind.Utc),
                Comment = approval?.Comment,
                Rows = approval?.Rows,
                Totals = approval?.Totals,
                Merchant = approval?.Merchant,
                Environment = approval?.Environment,
                IsValid = judged.IsValid,
                Problem = judged.Problem,
            };
        }
    }
}
