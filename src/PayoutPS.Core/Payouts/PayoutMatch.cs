using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayoutPS.Core.Payouts
{
    /// <summary>
    /// Whether a payout the service already holds under a requestId is the one this request describes.
    /// Only what the service returned is compared (its answers are undocumented, so a missing field is no
    /// evidence either way); any difference means the requestId was used for another payout.
    /// </summary>
    public static class PayoutMatch
    {
        /// <summary>The fields that differ, described for a person; empty when the payout is this one.</summary>
        public static IReadOnlyList<string> Differences(RemittanceRequest request, PayoutRecord existing)
        {
            var differences = new List<string>();
            void Check(string name, string? mine, string? theirs, Func<string, string, bool> equal)
            {
                if (!string.IsNullOrEmpty(theirs) && !string.IsNullOrEmpty(mine) && !equal(mine!, theirs!))
                {
                    differences.Add($"{name} {theirs} (this row: {mine})");
                }
            }

            Check("requestId", request.RequestId, existing.RequestId, string.Equals);
            Check("sourceCurrency", request.SourceCurrency, existing.SourceCurrency, (a, b) => MoneyText.SameCurrency(a, b));
            Check("targetCurrency", request.TargetCurrency, existing.TargetCurrency, (a, b) => MoneyText.SameCurrency(a, b));
            if (request.SendAmount != null)
            {
                Check("sourceAmount", request.SendAmount, existing.SourceAmount, (a, b) => MoneyText.SameAmount(a, b));
            }
            else
            {
                Check("targetAmount", request.ReceiveAmount, existing.TargetAmount, (a, b) => MoneyText.SameAmount(a, b));
            }

            if (!string.IsNullOrEmpty(existing.BeneficiaryId) && request.BeneficiaryId == null)
            {
                differences.Add($"beneficiaryId {existing.BeneficiaryId} (this row: an inline payee)");
            }

            Check("beneficiaryId", request.BeneficiaryId, existing.BeneficiaryId, string.Equals);
            var account = request.Payee?.AccountNumber;
            if (!string.IsNullOrEmpty(existing.CardNumber) && !string.IsNullOrEmpty(account) && !SameAccount(account!, existing.CardNumber!))
            {
                differences.Add($"account {Redaction.Redactor.MaskAccount(existing.CardNumber!.TrimStart('*'))} (this row: {Redaction.Redactor.MaskAccount(account)})");
            }

            return differences;
        }

        /// <summary>The service may mask all but the last digits ("****3000"): compare what it shows.</summary>
        private static bool SameAccount(string mine, string theirs)
        {
            var shown = theirs.Substring(theirs.LastIndexOf('*') + 1);
            return shown.Length == theirs.Length
                ? string.Equals(mine, theirs, StringComparison.OrdinalIgnoreCase)
                : mine.EndsWith(shown, StringComparison.OrdinalIgnoreCase);
        }
    }
}
