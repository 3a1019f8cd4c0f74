using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Account
{
    /// <summary>The account endpoints (spec §3 #1–#5): corridors, required fields, balances, ledger, rates. All safe to repeat.</summary>
    public sealed class AccountApi
    {
        public const string PaymentMethodsPath = "/api/v1/acct/queryPaymentMethods";
        public const string RequiredFieldsPath = "/api/v1/acct/queryPaymentFeild"; // (sic) as documented
        public const string BalancesPath = "/api/v1/acct/queryAcctCurrency";
        public const string LedgerPath = "/api/v1/acct/queryAcctDetail";
        public const string ExchangeRatePath = "/api/v1/acct/queryExchangeRate";

        private readonly PayoutTransport _transport;

        public AccountApi(PayoutTransport transport) => _transport = transport;

        public async Task<IReadOnlyList<PayoutBalance>> GetBalancesAsync(IPayoutLog log, CancellationToken token)
        {
            var data = await SendAsync(BalancesPath, new Dictionary<string, object?>(), log, token).ConfigureAwait(false);
            return Items(data, PayoutBalance.From);
        }

        public async Task<PayoutExchangeRate> GetExchangeRateAsync(string source, string target, string? sourceAmount, IPayoutLog log, CancellationToken token)
        {
            var data = await SendAsync(ExchangeRatePath, new Dictionary<string, object?>
            {
                ["sourceCurrency"] = source, ["targetCurrency"] = target, ["sourceAmount"] = sourceAmount,
            }, log, token).ConfigureAwait(false);
            return data is JsonElement element && element.ValueKind == JsonValueKind.Object
                ? PayoutExchangeRate.From(element)
                : throw new PayoutApiException(PayoutErrorKind.Rejected, "The service answered the rate request without a rate.");
        }

        /// <summary>The payment methods of a corridor (#1), as the method names.</summary>
        public async Task<IReadOnlyList<string>> GetPaymentMethodsAsync(string country, string currency, string entityType, IPayoutLog log, CancellationToken token)
        {
            var data = await SendAsync(PaymentMethodsPath, new Dictionary<string, object?>
            {
                ["destinationCountry"] = country, ["accountCurrency"] = currency, ["entityType"] = entityType,
            }, log, token).ConfigureAwait(false);
            return Items(data, item => item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : ApiEnvelope.Text(item, "paymentMethod") ?? string.Empty);
        }

        /// <summary>The payee fields a corridor needs (#2): (field path such as receiverInfo.firstName, M/C/N).</summary>
        public async Task<IReadOnlyList<KeyValuePair<string, string>>> GetRequiredFieldsAsync(string currency, string bankCountry, string entityType, string method, string? walletType, IPayoutLog log, CancellationToken token)
        {
            var data = await SendAsync(RequiredFieldsPath, new Dictionary<string, object?>
            {
                ["payoutCurrency"] = currency, ["bankCountry"] = bankCountry, ["entityType"] = entityType, ["paymentMethod"] = method, ["walletType"] = walletType,
            }, log, token).ConfigureAwait(false);
            return Items(data, item => new KeyValuePair<string, string>(ApiEnvelope.Text(item, "field") ?? string.Empty, ApiEnvelope.Text(item, "required") ?? "M"));
        }

        /// <summary>One page of the ledger (#4) for a window the API accepts; the caller splits long windows.</summary>
        public async Task<(IReadOnlyList<PayoutLedgerEntry> Entries, int Total)> GetLedgerPageAsync(string currency, DateTime begin, DateTime end, string? type, int size, int current, IPayoutLog log, CancellationToken token)
        {
            var data = await SendAsync(LedgerPath, new Dictionary<string, object?>
            {
                ["currency"] = currency,
                ["beginTime"] = begin.ToUniversalTime().ToString(FieldValues.TimeFormat, CultureInfo.InvariantCulture),
                ["endTime"] = end.ToUniversalTime().ToString(FieldValues.TimeFormat, CultureInfo.InvariantCulture),
                ["txnType"] = type, ["size"] = size, ["current"] = current,
            }, log, token).ConfigureAwait(false);
            return Paged(data, PayoutLedgerEntry.From);
        }

        internal async Task<JsonElement?> SendAsync(string path, Dictionary<string, object?> fields, IPayoutLog log, CancellationToken token)
        {
            var envelope = await _transport.SendAsync(path, RequestFields.FromPairs(fields), log, token).ConfigureAwait(false);
            if (!envelope.IsSuccess)
            {
                throw PayoutApiException.FromEnvelope(envelope, null);
            }

            return envelope.Data;
        }

        internal static IReadOnlyList<T> Items<T>(JsonElement? data, Func<JsonElement, T> read)
        {
            var items = new List<T>();
            var array = data is JsonElement element && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("records", out var records) ? records : data;
            if (array is JsonElement list && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    items.Add(read(item));
                }
            }

            return items;
        }

        internal static (IReadOnlyList<T> Items, int Total) Paged<T>(JsonElement? data, Func<JsonElement, T> read)
        {
            var total = 0;
            if (data is JsonElement element && element.ValueKind == JsonValueKind.Object)
            {
                int.TryParse(ApiEnvelope.Text(element, "total"), NumberStyles.None, CultureInfo.InvariantCulture, out total);
            }

            return (Items(data, read), total);
        }
    }
}
