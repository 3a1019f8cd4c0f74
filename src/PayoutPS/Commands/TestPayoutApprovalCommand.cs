using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using PayoutPS.Core.Approval;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Lists a batch file's approvals with who, when and until when, each judged against a policy (how many distinct
    /// approvers, which are trusted, which merchant and environment) exactly as New-Payout -RequireApproval judges
    /// them. Sends nothing; -Quiet answers only whether the file may be paid.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PayoutApproval", HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutApproval), typeof(bool))]
    public sealed class TestPayoutApprovalCommand : ApprovalCmdletBase
    {
        /// <summary>How many distinct trusted approvers the file needs.</summary>
        [Parameter]
        [ValidateRange(1, 10)]
        public int RequireApproval { get; set; } = 1;

        /// <summary>The trusted approvers: a folder of their .cer files, .cer files, or thumbprints in the certificate store. Without it, trust is not judged.</summary>
        [Parameter]
        public string[]? Approver { get; set; }

        /// <summary>Return only $true (the file may be paid under this policy) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void EndProcessing()
        {
            var paidBy = PaidBy(Context ?? SessionStore.Current);
            List<X509Certificate2>? trusted = null;
            try
            {
                trusted = Approver == null ? null : Certificates.Trusted(Approver, SessionState.Path);
            }
            catch (System.ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, Approver));
            }

            using var file = OpenFile(null, out var rows);
            var policy = new ApprovalPolicy { Required = RequireApproval, Trusted = trusted, Merchant = paidBy?.Merchant, Environment = paidBy?.Environment };
            var verdict = policy.CheckFile(file.FullPath, file.Hash, rows);
            if (Quiet)
            {
                WriteObject(verdict.Satisfied);
                return;
            }

            foreach (var judged in verdict.Approvals)
            {
                WriteObject(PayoutApproval.From(judged, file.FullPath));
            }

            var unasked = (trusted == null ? " Trust was not judged: give -Approver." : string.Empty) + (paidBy == null ? " The merchant was not judged: connect, or give -MerchantId and -Environment." : string.Empty);
            if (verdict.Satisfied)
            {
                WriteInformation(new HostInformationMessage { Message = $"{verdict.Valid.Count()} valid approval(s), {RequireApproval} required: New-Payout -RequireApproval {RequireApproval} may pay {file.FullPath}.{unasked}" }, new[] { "PSHOST" });
            }
            else
            {
                WriteWarning(verdict.Refusal(file.FullPath) + unasked);
            }
        }
    }
}
