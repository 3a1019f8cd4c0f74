using System.Collections.Generic;
using System.Globalization;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    /// <summary>How state is shown in responses: amounts and ids as strings, times as yyyy-MM-dd HH:mm:ss UTC.</summary>
    internal static class Views
    {
        /// <summary>Spec §3.4: yyyy-MM-dd HH:mm:ss, UTC [SANDBOX].</summary>
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        public static PayoutView Payout(Payout payout) => new PayoutView
        {
            PayoutId = payout.PayoutId,
            RequestId = payout.RequestId,
            PayoutStatus = payout.Status,
            SourceAmount = Currencies.Format(payout.Debit, payout.SourceCurrency),
            SourceCurrency = payout.SourceCurrency,
            TargetAmount = Currencies.Format(payout.TargetAmount, payout.TargetCurrency),
            TargetCurrency = payout.TargetCurrency,
            Fee = Currencies.Format(payout.Fee, payout.SourceCurrency),
            PaymentMethod = payout.PaymentMethod,
            BeneficiaryId = payout.BeneficiaryId,
            CardNumber = MaskAccount(payout.CardNumber), // [SANDBOX] masked like a statement: the last four
            PayerId = payout.PayerId,
            Reference = payout.Reference,
            Reason = payout.Reason,
            CreateTime = Time(payout.CreateTime),
            UpdateTime = Time(payout.UpdateTime),
            FinishTime = payout.FinishTime == null ? null : Time(payout.FinishTime.Value),
        };

        public static Dictionary<string, object?> Payee(Payee payee)
        {
            var view = new Dictionary<string, object?>
            {
                ["beneficiaryId"] = payee.BeneficiaryId,
                ["payeeStatus"] = payee.Status,
                ["createTime"] = Time(payee.CreateTime),
                ["updateTime"] = Time(payee.UpdateTime),
            };
            foreach (var field in payee.Fields)
            {
                view[field.Key] = field.Value;
            }

            return view;
        }

        public static Dictionary<string, object?> Ledger(LedgerEntry entry) => new Dictionary<string, object?>
        {
            ["entryId"] = entry.EntryId,
            ["currency"] = entry.Currency,
            ["txnType"] = entry.TxnType,
            ["amount"] = Currencies.Format(entry.Amount, entry.Currency),
            ["balanceAfter"] = Currencies.Format(entry.BalanceAfter, entry.Currency),
            ["payoutId"] = entry.PayoutId,
            ["requestId"] = entry.RequestId,
            ["txnTime"] = Time(entry.Time),
        };

        /// <summary>One page of a list (spec §3.4 pagination); typed, so its records are written without asking each one's type.</summary>
        public static PageView<TView> Page<T, TView>(IReadOnlyList<T> all, int size, int current, System.Func<T, TView> view)
        {
            var records = new List<TView>();
            for (var i = (current - 1) * size; i < all.Count && i < current * size; i++)
            {
                records.Add(view(all[i]));
            }

            return new PageView<TView>
            {
                Records = records,
                Total = all.Count.ToString(CultureInfo.InvariantCulture),
                Size = size.ToString(CultureInfo.InvariantCulture),
                Current = current.ToString(CultureInfo.InvariantCulture),
            };
        }

        private static string MaskAccount(string account) => account.Length <= 4 ? "****" : "****" + account.Substring(account.Length - 4);

        public static string Time(System.DateTime time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
    }
}
