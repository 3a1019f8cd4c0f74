using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Internal;

namespace PayoutPS.Commands
{
    /// <summary>
    /// Adds a payee (#6) for later payouts by -BeneficiaryId: an individual or a business, paid by bank, SWIFT,
    /// e-wallet or cash pickup. Takes CSV rows like New-Payout. A payee whose account the service already has
    /// comes back as that payee, with a warning, when its name is the one given; under another name it is refused
    /// (paying it would pay whoever owns the account) unless -SamePayee says it is the same payee. -Wait follows the review until it ends.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PayoutBeneficiary", DefaultParameterSetName = RowsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = Links.Readme)]
    [OutputType(typeof(Beneficiary))]
    public sealed class NewPayoutBeneficiaryCommand : BeneficiaryCmdletBase
    {
        /// <summary>The payee may already exist under another name (a maiden name, a trading name): return it anyway.</summary>
        [Parameter]
        public SwitchParameter SamePayee { get; set; }

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
                // Paying the payee that comes back pays whoever owns the account: under another name, that may not be
                // the person this row means.
                if (!SamePayee && !Core.Account.PayeeNames.Same(added.Name, payee.DisplayName))
                {
                    throw new Core.PayoutRequestException(
                        $"the account {Core.Redaction.Redactor.MaskAccount(payee.AccountNumber)} already belongs to payee {added.BeneficiaryId} '{added.Name}' ({added.Status}), not '{payee.DisplayName}'. " +
                        "Nothing was added. Check who owns the account; if it is the same payee under another name, add -SamePayee to use payee " + added.BeneficiaryId + ".", "AccountNumber");
                }

                WriteWarning($"{label}: the service already has a payee with this account ({added.BeneficiaryId} '{added.Name}', {added.Status}); that payee is returned, nothing was added.");
            }

            Emit(context, added);
        }
    }
}
