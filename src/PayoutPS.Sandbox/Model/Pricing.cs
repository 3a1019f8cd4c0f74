using System;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>
    /// [SANDBOX] Fees and conversion. Fee = a percentage of the principal by payment method (BANK_TRANSFER 1%,
    /// E_WALLET 1.5%, CASH_PICKUP 2%, SWIFT 0.5% plus 15 USD, plus 10 USD more for feeBearing OUR), rounded up
    /// to the source currency's minor unit. Rates come from <see cref="FxTable"/>.
    /// </summary>
    internal static class Pricing
    {
        public sealed class Quote
        {
            public decimal Debit { get; set; }

            public decimal Fee { get; set; }

            public decimal TargetAmount { get; set; }
        }

        /// <summary>chargeFlag N: the debit is given and fees come out of it.</summary>
        public static Quote FromSource(decimal debit, string source, string target, string method, string? feeBearing)
        {
            var fee = Fee(debit, source, method, feeBearing);
            var principal = debit - fee;
            var arrives = principal <= 0 ? 0 : Currencies.RoundDown(principal * FxTable.Rate(source, target), target);
            return new Quote { Debit = debit, Fee = fee, TargetAmount = arrives };
        }

        /// <summary>chargeFlag Y: what must arrive is given; the payer pays the fee on top.</summary>
        public static Quote FromTarget(decimal arrives, string source, string target, string method, string? feeBearing)
        {
            var principal = Currencies.RoundUp(arrives / FxTable.Rate(source, target), source);
            var fee = Fee(principal, source, method, feeBearing);
            return new Quote { Debit = principal + fee, Fee = fee, TargetAmount = arrives };
        }

        private static decimal Fee(decimal principal, string currency, string method, string? feeBearing)
        {
            decimal percent;
            decimal fixedUsd = 0;
            switch (PaymentMethods.Canonical(method))
            {
                case "SWIFT":
                    percent = 0.005m;
                    fixedUsd = feeBearing == "OUR" ? 25m : 15m;
                    break;
                case "E_WALLET":
                    percent = 0.015m;
                    break;
                case "CASH_PICKUP":
                    percent = 0.02m;
                    break;
                default:
                    percent = 0.01m;
                    break;
            }

            return Currencies.RoundUp((principal * percent) + (fixedUsd * FxTable.Rate("USD", currency)), currency);
        }
    }

    internal static class PaymentMethods
    {
        public static readonly string[] All = { "BANK_TRANSFER", "LOCAL", "SWIFT", "E_WALLET", "DIGITAL_WALLET", "CASH_PICKUP" };

        /// <summary>Folds the aliases: LOCAL is BANK_TRANSFER, DIGITAL_WALLET is E_WALLET.</summary>
        public static string Canonical(string method) =>
            method == "LOCAL" ? "BANK_TRANSFER" : method == "DIGITAL_WALLET" ? "E_WALLET" : method;

        public static bool IsKnown(string method) => Array.IndexOf(All, method) >= 0;
    }
}
