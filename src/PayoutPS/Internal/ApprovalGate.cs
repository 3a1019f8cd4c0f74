using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using PayoutPS.Commands;
using PayoutPS.Core.Approval;
using PayoutPS.Core.Batch;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// New-Payout -RequireApproval: before anything is sent or any journal created, the file must be approved (see
    /// <see cref="ApprovalPolicy"/>). A resumed journal keeps the approvals it started with, for the bytes it started
    /// with: the file cannot change underneath it, and a rerun needs no new approval.
    /// </summary>
    internal static class ApprovalGate
    {
        /// <summary>The approvals the run relies on, as a new journal's header records them; null when none is required. Refusals are <see cref="RunRefusedException"/>s.</summary>
        public static string? Check(NewPayoutCommand command, InputFile? file, int rows, PayoutContext context, string? journal)
        {
            if (command.RequireApproval == 0 && command.Approver == null)
            {
                return null;
            }

            if (command.RequireApproval == 0 || command.Approver == null || file == null)
            {
                throw Refused(PayoutBatchSummary.ExitInvalidInput, ErrorIds.InvalidRequest, file == null
                    ? "-RequireApproval pays an approved file: give it with -Path (piped rows cannot be approved)."
                    : "-RequireApproval and -Approver go together: how many distinct approvers, and whom to trust (a folder of their .cer files, or thumbprints).");
            }

            if (journal != null && File.Exists(journal) && Started(journal) is JournalHeader header && header.Approvals != null)
            {
                return string.Equals(header.InputHash, file.Hash, StringComparison.OrdinalIgnoreCase) ? header.Approvals
                    : throw Refused(PayoutBatchSummary.ExitConfiguration, ErrorIds.NotApproved,
                        $"{journal} was started on an approved file with SHA-256 {header.InputHash}; {file.FullPath} is now {file.Hash}. Nothing was sent: the file changed after its batch started.");
            }

            List<X509Certificate2> trusted;
            try
            {
                trusted = Certificates.Trusted(command.Approver, command.SessionState.Path);
            }
            catch (ArgumentException ex)
            {
                throw Refused(PayoutBatchSummary.ExitInvalidInput, ErrorIds.InvalidRequest, ex.Message);
            }

            var policy = new ApprovalPolicy { Required = command.RequireApproval, Trusted = trusted, Merchant = context.MerchantId, Environment = context.Environment };
            var verdict = policy.CheckFile(file.FullPath, file.Hash, rows);
            return verdict.Satisfied ? string.Join("; ", verdict.Valid.Select(a => a.Record))
                : throw Refused(PayoutBatchSummary.ExitConfiguration, ErrorIds.NotApproved, verdict.Refusal(file.FullPath));
        }

        private static JournalHeader? Started(string journal)
        {
            try
            {
                return JournalRecords.ReadHeader(journal);
            }
            catch (Exception ex) when (ex is JournalException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RunRefusedException(new ErrorRecord(ex, ErrorIds.JournalUnusable, ErrorCategory.ResourceUnavailable, journal), PayoutBatchSummary.ExitConfiguration);
            }
        }

        private static RunRefusedException Refused(int exitCode, string errorId, string message) =>
            new RunRefusedException(new ErrorRecord(new InvalidOperationException(message), errorId, exitCode == PayoutBatchSummary.ExitInvalidInput ? ErrorCategory.InvalidArgument : ErrorCategory.SecurityError, null), exitCode);
    }
}
