using System;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>Endpoints #1–#5: corridors, required fields, balances, ledger, rates.</summary>
    internal static class AccountEndpoints
    {
        private static readonly string[] WalletCountries = { "PH", "CN", "ID", "KE", "NG", "VN" };
        private static readonly string[] CashPickupCountries = { "PH", "MX", "IN", "VN", "PK", "BD" };

        public static ApiResult PaymentMethods(ApiRequest request, SandboxState state)
        {
            var country = request.Country("destinationCountry");
            request.Currency("accountCurrency");
            request.OneOf("entityType", "0", "1");
            var methods = new List<string> { "BANK_TRANSFER", "SWIFT" };
            if (WalletCountries.Contains(country))
            {
                methods.Add("E_WALLET");
            }

            if (CashPickupCountries.Contains(country))
            {
                methods.Add("CASH_PICKUP");
            }

            return ApiResult.Ok(methods.Select(m => new Dictionary<string, object?> { ["paymentMethod"] = m }).ToList());
        }

        public static ApiResult PaymentFields(ApiRequest request, SandboxState state)
        {
            request.Currency("payoutCurrency");
            request.Country("bankCountry");
            var entityType = request.OneOf("entityType", "0", "1");
            var method = Model.PaymentMethods.Canonical(request.OneOf("paymentMethod", Model.PaymentMethods.All));
            var fields = new List<string>();
            fields.AddRange(entityType == "0" ? new[] { "receiverInfo.companyName" } : new[] { "receiverInfo.firstName", "receiverInfo.lastName" });
            fields.AddRange(new[] { "address.countryCode", "address.city", "address.addressLine1", "accountInfomation.cardNumber" });
            fields.AddRange(PayeeInput.MethodFields(method));

            return ApiResult.Ok(fields.Select(f => new Dictionary<string, object?> { ["field"] = f, ["required"] = "M" }).ToList());
        }

        public static ApiResult Balances(ApiRequest request, SandboxState state) =>
            ApiResult.Ok(state.Balances(request.Merchant)
                .OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new Dictionary<string, object?>
                {
                    ["currency"] = b.Key,
                    ["balance"] = Currencies.Format(b.Value, b.Key),
                    ["availableBalance"] = Currencies.Format(b.Value, b.Key),
                    ["frozenBalance"] = Currencies.Format(0, b.Key),
                })
                .ToList());

        public static ApiResult Ledger(ApiRequest request, SandboxState state)
        {
            var currency = request.Currency("currency");
            var begin = request.Time("beginTime");
            var end = request.Time("endTime");
            var size = request.Page("size", 100);
            var current = request.Page("current", 100000);
            var txnType = request.OptionalOneOf("txnType", "PAYOUT", "FEE", "PAYOUT_REVERSAL", "FEE_REVERSAL");
            if (end < begin)
            {
                throw new FieldException("endTime is before beginTime.");
            }

            return ApiResult.Ok(Views.Page(state.Ledger(request.Merchant.MerchantNo, currency, begin, end, txnType), size, current, e => Views.Ledger(e)));
        }

        public static ApiResult ExchangeRate(ApiRequest request, SandboxState state)
        {
            var source = request.Currency("sourceCurrency");
            var target = request.Currency("targetCurrency");
            var data = new Dictionary<string, object?>
            {
                ["sourceCurrency"] = source,
                ["targetCurrency"] = target,
                ["rate"] = FxTable.Rate(source, target).ToString("0.########", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (request.Optional("sourceAmount") != null)
            {
                var amount = request.Amount("sourceAmount", source);
                data["sourceAmount"] = Currencies.Format(amount, source);
                data["targetAmount"] = Currencies.Format(Currencies.RoundDown(amount * FxTable.Rate(source, target), target), target);
            }

            return ApiResult.Ok(data);
        }
    }
}
