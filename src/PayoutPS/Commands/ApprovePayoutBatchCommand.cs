using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using PayoutPS.Core.Account;
using PayoutPS.Core.Approval;
using PayoutPS.Core.Batch;
using PayoutPS.Internal;
using PayoutPS.Models;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Four-eyes approval of a batch file: reads it with New-Payout's rules, shows what is approved (rows, totals,
    /// the estimated debit when connected, merchant, environment) through ShouldProcess, and appends the approver's
    /// signed approval beside the file. New-Payout -RequireApproval pays only files approved this way.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Approve, "PayoutBatch", DefaultParameterSetName = StoreSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = Links.Readme)]
    [OutputType(typeof(PayoutApproval))]
    public sealed class ApprovePayoutBatchCommand : ApprovalCmdletBase
    {
        private const string StoreSet = "Store";
        private const string FileSet = "File";

        /// <summary>How long an approval lasts when -ValidFor is not given.</summary>
        public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

        /// <summary>The approver's certificate in the certificate store, by thumbprint (its private key stays in the store).</summary>
        [Parameter(Mandatory = true, ParameterSetName = StoreSet)]
        public string CertificateThumbprint { get; set; } = string.Empty;

        /// <summary>With -CertificateThumbprint: CurrentUser (default) or LocalMachine.</summary>
        [Parameter(ParameterSetName = StoreSet)]
        public StoreLocation CertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

        /// <summary>The approver's certificate with its key: a .pfx/.p12 file, or (PowerShell 7) a PEM certificate with -KeyPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        public string CertificatePath { get; set; } = string.Empty;

        /// <summary>With -CertificatePath: the PEM private key file.</summary>
        [Parameter(ParameterSetName = FileSet)]
        public string? KeyPath { get; set; }

        /// <summary>With -CertificatePath: the .pfx's (or encrypted PEM key's) password.</summary>
        [Parameter(ParameterSetName = FileSet)]
        public SecureString? Password { get; set; }

        /// <summary>How long the approval lasts: 7 days by default, at most 31.</summary>
        [Parameter]
        public TimeSpan ValidFor { get; set; } = DefaultValidity;

        /// <summary>A note kept with the approval and signed with it.</summary>
        [Parameter]
        public string Comment { get; set; } = string.Empty;

        /// <summary>Approve without a confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            if (ValidFor <= TimeSpan.Zero || ValidFor > ApprovalPolicy.MaximumValidity)
            {
                Refuse($"-ValidFor {ValidFor} is out of range: an approval lasts more than nothing and at most {ApprovalPolicy.MaximumValidity.TotalDays} days (write 2 days as -ValidFor 2.00:00:00).", ValidFor);
            }

            var context = Context ?? SessionStore.Current;
            var paidBy = PaidBy(context) ?? Refuse<(string, string)>("Connect-PayoutEnvironment first, or give -MerchantId and -Environment: an approval is for the merchant and environment that will pay the file.", null);
            var cost = new BatchCost();
            using var file = OpenFile(cost, out var rows);
            if (FileRowCheck.Refusal(file, Mapper, rows, "row") is string refused)
            {
                Refuse($"{file.FullPath} cannot be approved: {refused}. Fix the file, then approve it.", file.FullPath);
            }

            using var certificate = Certificate();
            var now = DateTime.UtcNow;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // the approval says its times to the second
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                Refuse($"The certificate {certificate.Subject} ({certificate.Thumbprint}) is not valid now (valid {BatchApproval.Time(certificate.NotBefore.ToUniversalTime())} to {BatchApproval.Time(certificate.NotAfter.ToUniversalTime())}): an approval it signed would be refused.", certificate.Thumbprint);
            }

            var approval = new BatchApproval
            {
                File = System.IO.Path.GetFileName(file.FullPath), Sha256 = file.Hash, Rows = rows, Totals = cost.WrittenTotals(),
                Merchant = paidBy.Item1, Environment = paidBy.Item2, SignedUtc = now, ExpiresUtc = now + ValidFor, Comment = Comment,
            };
            var debit = context != null && MerchantId == null ? EstimatedDebit(cost, context) : string.Empty;
            var target = $"{file.FullPath} (SHA-256 {file.Hash}): {rows} row(s), {approval.Totals}{debit}; paid by merchant {approval.Merchant} at {approval.Environment}";
            if (!Approve(Force, target, $"Approve for payment until {BatchApproval.Time(approval.ExpiresUtc)} as {certificate.Subject}"))
            {
                return;
            }

            try
            {
                ApprovalSigner.Sign(approval, certificate);
            }
            catch (Core.Keys.PayoutKeyException ex)
            {
                Refuse(ex.Message, certificate.Thumbprint);
            }

            var approvals = ApprovalFile.For(file.FullPath);
            ApprovalFile.Append(approvals, approval);
            var line = ApprovalFile.Read(approvals).Last(e => e.Approval?.Signature == approval.Signature).Line;
            var judged = new ApprovalPolicy { Merchant = approval.Merchant, Environment = approval.Environment }.Check(new[] { new ApprovalLine(line, approval, null) }, file.Hash, rows);
            WriteObject(PayoutApproval.From(judged.Approvals[0], file.FullPath));
        }

        private X509Certificate2 Certificate()
        {
            try
            {
                return ParameterSetName == StoreSet
                    ? Certificates.FromStore(CertificateThumbprint, CertificateStoreLocation)
                    : Certificates.FromFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath), Password,
                        KeyPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyPath));
            }
            catch (ArgumentException ex)
            {
                return Refuse<X509Certificate2>(ex.Message, null);
            }
        }

        /// <summary>"; estimated debit USD 3,057.59 (available 996,958.84)": Measure-PayoutBatch's figures, shown, not signed (rates move).</summary>
        private string EstimatedDebit(BatchCost cost, PayoutContext context)
        {
            var costs = Await((log, token) => cost.PriceAsync(new AccountApi(context.Client.Transport), log, token));
            return costs.Count == 0 ? string.Empty
                : "; estimated debit " + string.Join(", ", costs.Select(c => $"{c.Currency} {Core.Payouts.MoneyText.Show(c.EstimatedDebit)} (available {Core.Payouts.MoneyText.Show(c.Available)})"));
        }

        private void Refuse(string message, object? target) => Refuse<object>(message, target);

        private T Refuse<T>(string message, object? target)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.CannotApprove, ErrorCategory.InvalidData, target));
            throw new InvalidOperationException(message); // not reached
        }
    }
}
