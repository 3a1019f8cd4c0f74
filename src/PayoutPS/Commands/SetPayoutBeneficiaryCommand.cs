using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core;
using PayoutPS.Core.Account;
using PayoutPS.Core.Input;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>Changes a payee (#7): the whole payee is sent again, so give every field, as for New-PayoutBeneficiary.</summary>
    [Cmdlet(VerbsCommon.Set, "PayoutBeneficiary", DefaultParameterSetName = RowsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = Links.Readme)]
    [OutputType(typeof(Beneficiary))]
    public sealed class SetPayoutBeneficiaryCommand : BeneficiaryCmdletBase
    {
        [Parameter]
        [RowField]
        [ArgumentCompleter(typeof(BeneficiaryIdCompleter))]
        public string? BeneficiaryId { get; set; }

        protected override void ProcessRow(Dictionary<string, object?> values, string label)
        {
            var id = (values.TryGetValue("BeneficiaryId", out var given) ? given as string : null)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new PayoutRequestException("BeneficiaryId is required: which payee to change.", "BeneficiaryId");
            }

            var (_, _, fields) = ReadPayee(values, id);
            if (!Approve(Force, $"payee {id}", "Change payee"))
            {
                return;
            }

            var context = RequireContext();
            Emit(context, Await((log, token) => new PayeeApi(context.Client.Transport).EditAsync(fields, id!, log, token)));
        }
    }
}
