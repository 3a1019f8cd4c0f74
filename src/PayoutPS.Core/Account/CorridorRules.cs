using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Account
{
    /// <summary>
    /// Checks an inline payee against what its corridor (bank country, currency, payee type, method) needs,
    /// as the service says (#2), asking once per corridor. So a file is checked before paying, without guessing.
    /// </summary>
    public sealed class CorridorRules
    {
        private readonly AccountApi _api;
        private readonly Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> _known = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);

        public CorridorRules(AccountApi api) => _api = api;

        /// <summary>True when the payee has what its corridor needs; otherwise throws naming the parameter of the first missing field.</summary>
        public async Task<bool> CheckAsync(RemittanceRequest request, IPayoutLog log, CancellationToken token)
        {
            var payee = request.Payee;
            if (payee == null)
            {
                return true; // an approved payee was checked when it was added
            }

            var bankCountry = payee.BankCountry ?? PayeeDetails.Get(payee.Address, "countryCode");
            var key = $"{bankCountry}/{request.TargetCurrency}/{payee.EntityType}/{payee.PaymentMethod}";
            if (!_known.TryGetValue(key, out var fields))
            {
                try
                {
                    fields = await _api.GetRequiredFieldsAsync(request.TargetCurrency, bankCountry, payee.EntityType, payee.PaymentMethod,
                        PayeeDetails.Get(payee.Account, "walletType") is var wallet && wallet.Length > 0 ? wallet : null, log, token).ConfigureAwait(false);
                }
                catch (Api.PayoutApiException ex) when (ex.Kind == Api.PayoutErrorKind.InvalidRequest)
                {
                    throw new PayoutRequestException($"The service does not serve this corridor ({bankCountry}, {request.TargetCurrency}, {payee.PaymentMethod}): {ex.RespMsg}", "Country");
                }

                _known[key] = fields;
            }

            foreach (var field in fields)
            {
                if (field.Value == "M" && !Has(payee, field.Key))
                {
                    var parameter = PayeeFieldNames.ParameterFor(field.Key);
                    throw new PayoutRequestException(
                        $"{parameter} is required for this corridor ({bankCountry}, {request.TargetCurrency}, {payee.PaymentMethod}): the service lists {field.Key} as mandatory. " +
                        (parameter == "PayeeDetail" ? $"Give it in PayeeDetail ({field.Key})." : $"Add a {parameter} column."), parameter);
                }
            }

            return true;
        }

        private static bool Has(PayeeDetails payee, string field)
        {
            var dot = field.IndexOf('.');
            if (dot < 0)
            {
                return true; // top-level fields (bankCountry, entityType…) are always sent
            }

            var part = field.Substring(0, dot);
            var name = field.Substring(dot + 1);
            var values = part == "receiverInfo" ? payee.ReceiverInfo : part == "address" ? payee.Address : part == "accountInfomation" ? payee.Account : null;
            return values == null || !string.IsNullOrWhiteSpace(PayeeDetails.Get(values, name));
        }
    }
}
