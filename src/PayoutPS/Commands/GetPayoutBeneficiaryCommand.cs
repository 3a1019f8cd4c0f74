using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>Payees (#8, #9): one by id, by account number, or all with a status, paging automatically.</summary>
    [Cmdlet(VerbsCommon.Get, "PayoutBeneficiary", DefaultParameterSetName = ListSet, HelpUri = Links.Readme)]
    [OutputType(typeof(Beneficiary))]
    public sealed class GetPayoutBeneficiaryCommand : PayoutCmdletBase
    {
        private const string ByIdSet = "ById";
        private const string ListSet = "List";
        private const int PageSize = 100;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("PayeeId")]
        [ArgumentCompleter(typeof(BeneficiaryIdCompleter))]
        public string BeneficiaryId { get; set; } = string.Empty;

        /// <summary>The payee with this account number or IBAN (spaces and dashes are ignored).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("CardNumber", "IBAN")]
        public string? AccountNumber { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("WAITING", "PROCESS", "REJECT", "PASS", "FAIL", "UNNECESSARY", "PENDING_UPDATE", "DISABLE", IgnoreCase = true)]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var api = new PayeeApi(context.Client.Transport);
            try
            {
                if (ParameterSetName == ByIdSet)
                {
                    var id = BeneficiaryId.Trim();
                    WriteObject(Await((log, token) => api.GetAsync(id, log, token)));
                    return;
                }

                var account = AccountNumber?.Replace(" ", string.Empty).Replace("-", string.Empty);
                var status = Status?.ToUpperInvariant();
                foreach (var payee in AllPages(PageSize, (current, log, token) => api.ListAsync(status, null, account, PageSize, current, log, token)))
                {
                    WriteObject(payee);
                }
            }
            catch (PayoutApiException ex)
            {
                WriteError(ErrorRecords.From(ex, ParameterSetName == ByIdSet ? BeneficiaryId : null));
            }
        }
    }
}
