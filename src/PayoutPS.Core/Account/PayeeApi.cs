using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Account
{
    /// <summary>Payees (spec §3 #6–#9): add, edit, look up, list. A duplicate add returns the payee that exists.</summary>
    public sealed class PayeeApi
    {
        public const string AddPath = "/api/v1/beneficiary/add";
        public const string EditPath = "/api/v1/beneficiary/edit";
        public const string DetailPath = "/api/v1/beneficiary/queryDetail";
        public const string ListPath = "/api/v1/beneficiary/queryList";
        public const string DuplicatePayeeCode = "14003";

        private readonly PayoutTransport _transport;
        private readonly AccountApi _api;

        public PayeeApi(PayoutTransport transport)
        {
            _transport = transport;
            _api = new AccountApi(transport);
        }

        /// <summary>The fields of #6 (and #7 with an id) for a payee paid in <paramref name="payoutCurrency"/>; checked completely first.</summary>
        public static IReadOnlyList<RequestField> Fields(PayeeDetails payee, string payoutCurrency, string? beneficiaryId = null)
        {
            var bankCountry = payee.Check();
            if (!Core.Money.Currencies.IsCode(payoutCurrency))
            {
                throw new PayoutRequestException($"PayoutCurrency '{payoutCurrency}' must be an ISO 4217 code in capitals, such as EUR.", "PayoutCurrency");
            }

            return RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["beneficiaryId"] = beneficiaryId,
                ["bankCountry"] = bankCountry,
                ["payoutCurrency"] = payoutCurrency,
                ["entityType"] = payee.EntityType,
                ["paymentMethod"] = payee.PaymentMethod,
                ["receiverInfo"] = PayeeDetails.Compact(payee.ReceiverInfo),
                ["address"] = PayeeDetails.Compact(payee.Address),
                ["accountInfomation"] = PayeeDetails.Compact(payee.Account),
            });
        }

        /// <summary>Adds a payee; when the service already has one with this account (14003), returns that one, marked.</summary>
        public async Task<Beneficiary> AddAsync(IReadOnlyList<RequestField> fields, string accountNumber, IPayoutLog log, CancellationToken token)
        {
            var envelope = await _transport.SendAsync(AddPath, fields, log, token).ConfigureAwait(false);
            if (envelope.RespCode == DuplicatePayeeCode)
            {
                var (existing, _) = await ListAsync(null, null, accountNumber, 10, 1, log, token).ConfigureAwait(false);
                foreach (var payee in existing)
                {
                    payee.WasDuplicate = true;
                    return payee;
                }
            }

            if (!envelope.IsSuccess)
            {
                throw PayoutApiException.FromEnvelope(envelope, null);
            }

            var id = envelope.Data is JsonElement data ? ApiEnvelope.Text(data, "beneficiaryId") : null;
            return id != null
                ? await GetAsync(id, log, token).ConfigureAwait(false)
                : throw new PayoutApiException(PayoutErrorKind.Rejected, "The service accepted the payee but gave no beneficiaryId.");
        }

        public async Task<Beneficiary> EditAsync(IReadOnlyList<RequestField> fields, string beneficiaryId, IPayoutLog log, CancellationToken token)
        {
            await _api.SendAsync(EditPath, ToDictionary(fields), log, token).ConfigureAwait(false);
            return await GetAsync(beneficiaryId, log, token).ConfigureAwait(false);
        }

        public async Task<Beneficiary> GetAsync(string beneficiaryId, IPayoutLog log, CancellationToken token)
        {
            var data = await _api.SendAsync(DetailPath, new Dictionary<string, object?> { ["beneficiaryId"] = beneficiaryId }, log, token).ConfigureAwait(false);
            return data is JsonElement element && element.ValueKind == JsonValueKind.Object
                ? Beneficiary.From(element)
                : throw new PayoutApiException(PayoutErrorKind.NotFound, $"The service has no payee {beneficiaryId}.");
        }

        /// <summary>One page of #9, filtered by status, id or account number.</summary>
        public async Task<(IReadOnlyList<Beneficiary> Payees, int Total)> ListAsync(string? status, string? beneficiaryId, string? accountNumber, int size, int current, IPayoutLog log, CancellationToken token)
        {
            var data = await _api.SendAsync(ListPath, new Dictionary<string, object?>
            {
                ["payeeStatus"] = status, ["beneficiaryId"] = beneficiaryId, ["cardNumber"] = accountNumber, ["size"] = size, ["current"] = current,
            }, log, token).ConfigureAwait(false);
            return AccountApi.Paged(data, Beneficiary.From);
        }

        private static Dictionary<string, object?> ToDictionary(IReadOnlyList<RequestField> fields)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                result[field.Name] = field.Value;
            }

            return result;
        }
    }
}
