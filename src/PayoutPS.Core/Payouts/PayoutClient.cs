using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Payouts
{
    /// <summary>
    /// Payout operations with the exactly-once rule: one fixed requestId per payout, and after any attempt
    /// whose answer was lost, ask the service by requestId before sending again.
    /// </summary>
    public sealed class PayoutClient : IDisposable
    {
        public const string TransactionListPath = "/api/v1/txn/queryList";
        public const string BalancesPath = "/api/v1/acct/queryAcctCurrency";
        public const string DuplicateRequestCode = "13003";

        /// <summary>How far back a lookup by id searches the creation window.</summary>
        public static readonly TimeSpan LookupWindow = TimeSpan.FromDays(90);

        private readonly Func<DateTime> _utcNow;

        public PayoutClient(PayoutTransport transport, Func<DateTime>? utcNow = null)
        {
            Transport = transport;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        public PayoutTransport Transport { get; }

        public Task<PayoutRecord> CreatePayoutAsync(RemittanceRequest remittance, IPayoutLog log, CancellationToken cancellationToken) =>
            CreatePayoutAsync(remittance, remittance.ToFields(), log, cancellationToken);

        /// <summary>For a caller that already validated the request: <paramref name="fields"/> is its <see cref="RemittanceRequest.ToFields"/>.</summary>
        public async Task<PayoutRecord> CreatePayoutAsync(RemittanceRequest remittance, IReadOnlyList<Signing.RequestField> fields, IPayoutLog log, CancellationToken cancellationToken)
        {
            var request = Transport.Sign(fields);
            var inDoubt = false;
            AttemptOutcome? last = null;
            for (var attempt = 1; attempt <= Transport.Settings.MaxRetries + 1; attempt++)
            {
                if (inDoubt)
                {
                    await Transport.BackoffAsync(attempt - 1, last!, log, cancellationToken).ConfigureAwait(false);
                    var found = await FindInDoubtAsync(remittance.RequestId, log, cancellationToken).ConfigureAwait(false);
                    if (found != null)
                    {
                        return found;
                    }
                }

                last = await Transport.SendOnceAsync(remittance.Path, request, attempt, log, cancellationToken).ConfigureAwait(false);
                if (!last.IsTransient)
                {
                    return await FromAnswerAsync(last.Envelope!, remittance.RequestId, log, cancellationToken).ConfigureAwait(false);
                }

                // The request may have reached the service: from now on, look before sending again.
                inDoubt = true;
            }

            var afterAll = await FindInDoubtAsync(remittance.RequestId, log, cancellationToken).ConfigureAwait(false);
            if (afterAll != null)
            {
                return afterAll;
            }

            throw new PayoutApiException(PayoutErrorKind.Unavailable,
                $"No answer after {Transport.Settings.MaxRetries + 1} attempts ({last!.Failure}), and the service has no payout with requestId '{remittance.RequestId}', so nothing was paid. " +
                "Send it again later with the same requestId; that can never pay twice.",
                requestId: remittance.RequestId);
        }

        /// <summary>Looks one payout up through the transaction list; null when the service has none.</summary>
        public async Task<PayoutRecord?> FindPayoutAsync(string? requestId, string? payoutId, IPayoutLog log, CancellationToken cancellationToken)
        {
            var now = _utcNow();
            var query = new PayoutQuery { RequestId = requestId, PayoutId = payoutId, CreatedFrom = now - LookupWindow, CreatedTo = now.AddDays(1) };
            var page = await ListPayoutsAsync(query, 10, 1, log, cancellationToken).ConfigureAwait(false);
            return page.Records.Count == 0 ? null : page.Records[0];
        }

        public async Task<PayoutPage> ListPayoutsAsync(PayoutQuery query, int size, int current, IPayoutLog log, CancellationToken cancellationToken)
        {
            var envelope = await Transport.SendAsync(TransactionListPath, query.ToFields(size, current), log, cancellationToken).ConfigureAwait(false);
            if (!envelope.IsSuccess)
            {
                throw PayoutApiException.FromEnvelope(envelope, query.RequestId);
            }

            var records = new List<PayoutRecord>();
            var total = 0;
            if (envelope.Data is JsonElement data && data.ValueKind == JsonValueKind.Object)
            {
                if (data.TryGetProperty("records", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        records.Add(PayoutRecord.From(item, PayoutOutcome.Queried));
                    }
                }

                int.TryParse(ApiEnvelope.Text(data, "total"), NumberStyles.None, CultureInfo.InvariantCulture, out total);
            }

            return new PayoutPage(records, total);
        }

        /// <summary>A cheap signed call (balances) that proves the merchant number and key work.</summary>
        public async Task<ApiEnvelope> CheckCredentialsAsync(IPayoutLog log, CancellationToken cancellationToken)
        {
            var envelope = await Transport.SendAsync(BalancesPath, Array.Empty<Signing.RequestField>(), log, cancellationToken).ConfigureAwait(false);
            if (!envelope.IsSuccess)
            {
                throw PayoutApiException.FromEnvelope(envelope, null);
            }

            return envelope;
        }

        private async Task<PayoutRecord?> FindInDoubtAsync(string requestId, IPayoutLog log, CancellationToken cancellationToken)
        {
            log.Verbose($"requestId {requestId} is in doubt: asking the service whether it exists before sending again.");
            PayoutRecord? found;
            try
            {
                found = await FindPayoutAsync(requestId, null, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PayoutApiException ex)
            {
                // Never guess: without an answer we cannot know whether the payout exists, so we stop and say so.
                throw new PayoutApiException(PayoutErrorKind.Unavailable,
                    $"requestId {requestId} is in doubt: an attempt got no answer, and asking the service whether it arrived failed too ({ex.Message}). " +
                    "It may or may not have been paid. Run it again later with the same RequestId: that finds it or sends it, and can never pay twice.",
                    ex.RespCode, ex.RespMsg, ex.HttpStatus, requestId);
            }

            if (found == null)
            {
                return null;
            }

            log.Verbose($"requestId {requestId} already exists as payout {found.PayoutId}; not sending again.");
            return Recovered(found);
        }

        private async Task<PayoutRecord> FromAnswerAsync(ApiEnvelope envelope, string requestId, IPayoutLog log, CancellationToken cancellationToken)
        {
            if (envelope.IsSuccess)
            {
                if (envelope.Data is JsonElement created && created.ValueKind == JsonValueKind.Object)
                {
                    return PayoutRecord.From(created, PayoutOutcome.Created);
                }

                // Success without the payout in data: the documented API promises no data shape, so ask.
                var accepted = await FindPayoutAsync(requestId, null, log, cancellationToken).ConfigureAwait(false);
                if (accepted != null)
                {
                    return WithOutcome(accepted, PayoutOutcome.Created);
                }
            }

            if (envelope.RespCode == DuplicateRequestCode)
            {
                // "Already exists": return that payout, never pay again. The original normally comes in data.
                if (envelope.Data is JsonElement original && original.ValueKind == JsonValueKind.Object)
                {
                    return PayoutRecord.From(original, PayoutOutcome.AlreadyExisted);
                }

                var found = await FindPayoutAsync(requestId, null, log, cancellationToken).ConfigureAwait(false);
                if (found != null)
                {
                    return WithOutcome(found, PayoutOutcome.AlreadyExisted);
                }
            }

            throw PayoutApiException.FromEnvelope(envelope, requestId);
        }

        private static PayoutRecord Recovered(PayoutRecord found) => WithOutcome(found, PayoutOutcome.Recovered);

        private static PayoutRecord WithOutcome(PayoutRecord found, PayoutOutcome outcome)
        {
            using (var document = JsonDocument.Parse(found.RawJson))
            {
                return PayoutRecord.From(document.RootElement, outcome);
            }
        }

        public void Dispose() => Transport.Dispose();
    }
}
