using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PayoutPS.Core.Approval
{
    /// <summary>
    /// What makes a file approved: at least <see cref="Required"/> distinct trusted approvers signed exactly its bytes,
    /// for this merchant and environment, unexpired, each with a certificate valid when it signed.
    /// </summary>
    public sealed class ApprovalPolicy
    {
        /// <summary>The longest an approval may be valid for: a file approved for payment should be paid soon.</summary>
        public static readonly TimeSpan MaximumValidity = TimeSpan.FromDays(31);

        /// <summary>How far an approver's clock may be ahead of this one.</summary>
        public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

        public int Required { get; set; } = 1;

        /// <summary>The approvers' certificates to trust; null when trust is not asked (listing only).</summary>
        public IReadOnlyCollection<X509Certificate2>? Trusted { get; set; }

        /// <summary>The merchant and environment the file is paid for; null when not asked.</summary>
        public string? Merchant { get; set; }

        public string? Environment { get; set; }

        public DateTime NowUtc { get; set; } = DateTime.UtcNow;

        /// <summary>Checks the approvals beside <paramref name="batchFile"/> (see <see cref="ApprovalFile.For"/>) against its bytes and rows.</summary>
        public ApprovalVerdict CheckFile(string batchFile, string sha256, int rows) => Check(ApprovalFile.Read(ApprovalFile.For(batchFile)), sha256, rows);

        /// <summary>Checks every entry of an approvals file against a file of <paramref name="rows"/> rows hashing to <paramref name="sha256"/>.</summary>
        public ApprovalVerdict Check(IEnumerable<ApprovalLine> entries, string sha256, int rows)
        {
            var checkedApprovals = new List<ApprovalLine>();
            var counted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // approver → the line that counts
            foreach (var entry in entries)
            {
                var problem = entry.Problem ?? ProblemWith(entry.Approval!, sha256, rows);
                if (problem == null)
                {
                    var approval = entry.Approval!;
                    var same = counted.TryGetValue(approval.Approver, out var first) ? first : counted.TryGetValue(approval.Thumbprint, out first) ? first : 0;
                    if (same > 0)
                    {
                        problem = $"the same approver as line {same}, counted once";
                    }
                    else
                    {
                        counted[approval.Approver] = entry.Line;
                        counted[approval.Thumbprint] = entry.Line;
                    }
                }

                checkedApprovals.Add(new ApprovalLine(entry.Line, entry.Approval, problem));
            }

            return new ApprovalVerdict(Required, checkedApprovals);
        }

        private string? ProblemWith(BatchApproval approval, string sha256, int rows)
        {
            if (!string.Equals(approval.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            {
                return $"it approved other bytes (SHA-256 {Short(approval.Sha256)}, the file is now {Short(sha256)}): the file changed after it was approved";
            }

            if (approval.Rows != rows)
            {
                return $"it approved {approval.Rows} row(s); the file has {rows}";
            }

            if (Merchant != null && (!string.Equals(approval.Merchant, Merchant, StringComparison.Ordinal) || !string.Equals(approval.Environment, Environment, StringComparison.OrdinalIgnoreCase)))
            {
                return $"it approves payment by merchant {approval.Merchant} at {approval.Environment}, not {Merchant} at {Environment}";
            }

            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(Convert.FromBase64String(approval.Certificate));
            }
            catch (Exception ex) when (ex is FormatException || ex is CryptographicException)
            {
                return "its certificate cannot be read (edited?)";
            }

            using (certificate)
            {
                if (!string.Equals(certificate.Thumbprint, approval.Thumbprint, StringComparison.OrdinalIgnoreCase) || certificate.Subject != approval.Approver)
                {
                    return "its approver is not the certificate's subject (edited?)";
                }

                if (!ApprovalSigner.Verifies(approval, certificate))
                {
                    return "its signature does not verify: the approval was changed after it was signed";
                }

                if (Trusted != null && !Trusted.Any(t => string.Equals(t.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase)))
                {
                    return $"{approval.Approver} ({approval.Thumbprint}) is not among the trusted approvers (-Approver)";
                }

                if (approval.SignedUtc < certificate.NotBefore.ToUniversalTime() || approval.SignedUtc > certificate.NotAfter.ToUniversalTime())
                {
                    return $"its certificate was not valid when it signed at {BatchApproval.Time(approval.SignedUtc)} (valid {BatchApproval.Time(certificate.NotBefore.ToUniversalTime())} to {BatchApproval.Time(certificate.NotAfter.ToUniversalTime())})";
                }
            }

            if (approval.ExpiresUtc - approval.SignedUtc > MaximumValidity)
            {
                return $"it is valid for longer than {MaximumValidity.TotalDays} days";
            }

            if (approval.SignedUtc > NowUtc + ClockTolerance)
            {
                return $"it was signed in the future ({BatchApproval.Time(approval.SignedUtc)})";
            }

            return NowUtc > approval.ExpiresUtc ? $"it expired at {BatchApproval.Time(approval.ExpiresUtc)}" : null;
        }

        private static string Short(string hash) => hash.Length > 12 ? hash.Substring(0, 12) + "…" : hash;
    }

    /// <summary>Whether a file's approvals satisfy a policy, and what each one is worth.</summary>
    public sealed class ApprovalVerdict
    {
        public ApprovalVerdict(int required, IReadOnlyList<ApprovalLine> approvals)
        {
            Required = required;
            Approvals = approvals;
        }

        public int Required { get; }

        public IReadOnlyList<ApprovalLine> Approvals { get; }

        public IEnumerable<ApprovalLine> Valid => Approvals.Where(a => a.IsValid);

        public bool Satisfied => Valid.Count() >= Required;

        /// <summary>Why a run may not pay the file: what was needed, what counted, and every approval rejected with its reason.</summary>
        public string Refusal(string file)
        {
            var valid = Valid.Count();
            var why = Approvals.Count == 0
                ? $"{ApprovalFile.For(System.IO.Path.GetFileName(file))} holds no approval"
                : string.Join("; ", Approvals.Where(a => !a.IsValid).Select(a => $"{a.Name}: {a.Problem}"));
            return $"{file} needs {Required} approval(s) by distinct trusted approvers; {valid} valid. {why}. " +
                   "Nothing was sent. Approve the file as it is now with Approve-PayoutBatch, and check with Test-PayoutApproval.";
        }
    }
}
