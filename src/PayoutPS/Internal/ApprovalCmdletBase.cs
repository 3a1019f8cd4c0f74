using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Commands;
using PayoutPS.Core.Batch;
using PayoutPS.Models;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Shared by Approve-PayoutBatch and Test-PayoutApproval: the batch file read by New-Payout -Path's rules (so its
    /// SHA-256 and rows are what New-Payout will check), and the merchant and environment it is approved for.
    /// </summary>
    public abstract class ApprovalCmdletBase : PayoutCmdletBase
    {
        private static readonly IReadOnlyDictionary<string, object?> NoCommandLine = new Dictionary<string, object?>();

        /// <summary>The batch file (CSV), as New-Payout -Path will read it.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file's encoding, as for New-Payout -Path.</summary>
        [Parameter]
        public string? Encoding { get; set; }

        /// <summary>The file's column separator, as for New-Payout -Path.</summary>
        [Parameter]
        public char Delimiter { get; set; } = ',';

        /// <summary>The merchant that will pay the file; by default the connected one's.</summary>
        [Parameter]
        public string? MerchantId { get; set; }

        /// <summary>With -MerchantId: the environment that will pay it (Sandbox, Production, Local…); by default the connected one.</summary>
        [Parameter]
        public string? Environment { get; set; }

        /// <summary>Reads the file with New-Payout -Path's rules (and totals it into <paramref name="cost"/>); the caller disposes it.</summary>
        private protected InputFile OpenFile(BatchCost? cost, out int rows)
        {
            try
            {
                return InputFile.Open(InputFile.Resolve(SessionState.Path, Path), Encoding, Delimiter, Mapper, NoCommandLine, cost, out rows);
            }
            catch (System.Exception ex) when (ex is Core.PayoutRequestException || ex is System.IO.IOException || ex is System.ArgumentException || ex is System.NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidRequest, ErrorCategory.InvalidData, Path));
                throw; // not reached
            }
        }

        /// <summary>New-Payout's row mapping, so a column it would not read is not approved either.</summary>
        private protected RowMapper Mapper { get; } = new RowMapper(typeof(NewPayoutCommand), null);

        /// <summary>-MerchantId and -Environment, else the connection's; null when neither is there.</summary>
        private protected (string Merchant, string Environment)? PaidBy(PayoutContext? context)
        {
            if (MerchantId != null || Environment != null)
            {
                if (MerchantId == null || Environment == null)
                {
                    ThrowTerminatingError(new ErrorRecord(new System.ArgumentException("Give -MerchantId and -Environment together (the merchant and the environment that will pay the file), or neither to use the connected ones."),
                        ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, null));
                }

                return (MerchantId!, Environment!);
            }

            return context == null ? ((string, string)?)null : (context.MerchantId, context.Environment);
        }
    }
}
