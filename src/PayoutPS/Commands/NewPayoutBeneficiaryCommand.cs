using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Adds a payee (#6) for later payouts by -BeneficiaryId: an individual or a business, paid by bank, SWIFT,
    /// e-wallet or cash pickup. Takes CSV rows like New-Payout. A payee whose account the service already has
    /// comes back as that payee, with a warning. -Wait follows the review until it ends.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PayoutBeneficiary", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Beneficiary))]
    public sealed class NewPayoutBeneficiaryCommand : BeneficiaryCmdletBase
    {
        protected override void ProcessRow(Dictionary<string, object?> values, string label)
        {
            var (payee, currency, fields) = ReadPayee(values);
            if (!Approve(Force, $"{payee.DisplayName} {Core.Redaction.Redactor.MaskAccount(payee.AccountNumber)} ({payee.PaymentMethod}, {currency})", "Add payee"))
            {
                return;
            }

            var context = RequireContext();
            var added = Await((log, token) => new PayeeApi(context.Client.Transport).AddAsync(fields, payee.AccountNumber!, log, token));
            if (added.WasDuplicate)
            {
                WriteWarning($"{label}: the service already has a payee with this account ({added.BeneficiaryId}, {added.Status}); that payee is returned, nothing was added.");
            }

            Emit(context, added);
        }
    }
}
