using System;
using System.Globalization;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    internal sealed partial class SandboxState
    {
        /// <summary>
        /// A reversal the provider books later on its own (control plane): the fee refunded alone ("fee"), or part of the
        /// payout's amount ("partial"). A failed payout's full reversal is booked by its status path, not here.
        /// Returns what is wrong with the request, or null once the entry is booked and the balance credited.
        /// </summary>
        public string? Reverse(string? payoutId, string? kind, string? amountText)
        {
            lock (_gate)
            {
                if (payoutId == null || !_payoutsById.TryGetValue(payoutId, out var payout))
                {
                    return $"No payout {payoutId}: give the payoutId of a payout this sandbox made.";
                }

                var amount = payout.Debit - payout.Fee; // what the payee was sent, in the source currency
                switch (kind)
                {
                    case "fee" when amountText == null && payout.Fee > 0:
                        Book(payout, "FEE_REVERSAL", payout.Fee, Now);
                        return null;
                    case "partial" when decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var part)
                                        && part > 0 && part < amount && decimal.Round(part, Currencies.Exponent(payout.SourceCurrency)) == part:
                        Book(payout, "PAYOUT_REVERSAL", part, Now);
                        return null;
                    default:
                        return $"Send {{\"payoutId\": \"…\", \"kind\": \"fee\"}} (the fee back, for a payout with a fee) or {{\"payoutId\": \"…\", \"kind\": \"partial\", \"amount\": \"1.00\"}} " +
                               $"(more than 0 and less than the {amount.ToString(CultureInfo.InvariantCulture)} {payout.SourceCurrency} sent, in the currency's decimals).";
                }
            }
        }
    }
}
