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
        public const string BalancesPath = Account.AccountApi.BalancesPath;
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
        public Task<PayoutRecord> CreatePayoutAsync(RemittanceRequest remittance, IReadOnlyList<Signing.RequestField> fields, IPayoutLog log, CancellationToken cancellationToken) =>
            CreatePayoutAsync(remittance, fields, mayAlreadyExist: false, log, cancellationToken, CancellationToken.None);

        /// <param name="mayAlreadyExist">An earlier run may have sent it (a journal holds its intent, not its outcome): look it up before sending.</param>
        /// <param name="noMoreAttempts">Once set (Ctrl+C), the attempt under way may finish but no new one starts; the payout is then in doubt.</param>
        public async Task<PayoutRecord> CreatePayoutAsync(RemittanceRequest remittance, IReadOnlyList<Signing.RequestField> fields, bool mayAlreadyExist,
            IPayoutLog log, CancellationToken cancellationToken, CancellationToken noMoreAttempts)
        {
            var request = Transport.Sign(fields);
            var attempts = Transport.Settings.MaxRetries + 1;
            var mayHaveArrived = mayAlreadyExist;
            if (mayAlreadyExist)
            {
                var earlier = await FindInDoubtAsync(remittance, log, cancellationToken).ConfigureAwait(false);
                if (earlier != null)
                {
                    return earlier;
                }
            }

            AttemptOutcome? last = null;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                if (noMoreAttempts.IsCancellationRequested)
                {
                    if (mayHaveArrived)
                    {
                        throw InDoubt(remittance.RequestId, "the run was stopped before the service's answer came");
                    }

                    throw new PayoutApiException(PayoutErrorKind.Unavailable, $"requestId {remittance.RequestId} was not sent: the run was stopped first.", requestId: remittance.RequestId);
                }

                if (last != null)
                {
                    await BackoffAsync(remittance, attempt - 1, last, mayHaveArrived, log, cancellationToken).ConfigureAwait(false);
                    if (mayHaveArrived)
                    {
                        var found = await FindInDoubtAsync(remittance, log, cancellationToken).ConfigureAwait(false);
                        if (found != null)
                        {
                            return found;
                        }
                    }
                }

                last = await Transport.SendOnceAsync(remittance.Path, request, attempt, log, cancellationToken).ConfigureAwait(false);
                if (!last.IsTransient)
                {
                    return await FromAnswerAsync(last.Envelope!, remittance, log, cancellationToken).ConfigureAwait(false);
                }

                // The request may have reached the service: from now on, look before sending again.
                mayHaveArrived |= last.MayHaveArrived;
            }

            if (!mayHaveArrived)
            {
                throw new PayoutApiException(PayoutErrorKind.Unavailable,
                    $"requestId {remittance.RequestId} was not sent: {attempts} attempts never reached the service ({last!.Failure}), so nothing was paid. " +
                    "Send it again later with the same RequestId.",
                    requestId: remittance.RequestId);
            }

            var afterAll = await FindInDoubtAsync(remittance, log, cancellationToken).ConfigureAwait(false);
            if (afterAll != null)
            {
                return afterAll;
            }

            // A lost request can still be processed after this lookup: "not found yet" is not "not paid".
            throw InDoubt(remittance.RequestId, $"{attempts} attempts got no answer (last: {last!.Failure}) and the service does not show it yet");
        }

        /// <summary>Looks one payout up through the transaction list; null when the service has none with exactly that id.</summary>
        public async Task<PayoutRecord?> FindPayoutAsync(string? requestId, string? payoutId, IPayoutLog log, CancellationToken cancellationToken)
        {
            var now = _utcNow();
            var query = new PayoutQuery { RequestId = requestId, PayoutId = payoutId, CreatedFrom = now - LookupWindow, CreatedTo = now.AddDays(1) };
            var page = await ListPayoutsAsync(query, 10, 1, log, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Records)
            {
                // A service that ignores or loosely matches the filter must not turn an unpaid row into a paid one.
                if ((requestId == null || string.Equals(record.RequestId, requestId, StringComparison.Ordinal))
                    && (payoutId == null || string.Equals(record.PayoutId, payoutId, StringComparison.Ordinal)))
                {
                    return record;
                }
            }

            return null;
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

        private async Task BackoffAsync(RemittanceRequest remittance, int retry, AttemptOutcome last, bool mayHaveArrived, IPayoutLog log, CancellationToken cancellationToken)
        {
            try
            {
                await Transport.BackoffAsync(retry, last, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PayoutApiException ex) when (mayHaveArrived)
            {
                throw InDoubt(remittance.RequestId, $"an attempt got no answer, and the service then asked to wait too long ({ex.Message})");
            }
        }

        private async Task<PayoutRecord?> FindInDoubtAsync(RemittanceRequest remittance, IPayoutLog log, CancellationToken cancellationToken)
        {
            var requestId = remittance.RequestId;
            log.Verbose($"requestId {requestId} is in doubt: asking the service whether it exists before sending again.");
            PayoutRecord? found;
            try
            {
                found = await FindPayoutAsync(requestId, null, log, cancellationToken).ConfigureAwait(false);
            }
            catch (PayoutApiException ex)
            {
                // Never guess: without an answer we cannot know whether the payout exists, so we stop and say so.
                throw InDoubt(requestId, $"an attempt got no answer, and asking the service whether it arrived failed too ({ex.Message})");
            }

            if (found == null)
            {
                return null;
            }

            log.Verbose($"requestId {requestId} already exists as payout {found.PayoutId}; not sending again.");
            return Existing(found, remittance, PayoutOutcome.Recovered);
        }

        private async Task<PayoutRecord> FromAnswerAsync(ApiEnvelope envelope, RemittanceRequest remittance, IPayoutLog log, CancellationToken cancellationToken)
        {
            var requestId = remittance.RequestId;
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
                    return Existing(accepted, remittance, PayoutOutcome.Created);
                }
            }

            if (envelope.RespCode == DuplicateRequestCode)
            {
                // "Already exists": that payout, never paid again, and only if it is this row's payout.
                if (envelope.Data is JsonElement original && original.ValueKind == JsonValueKind.Object)
                {
                    return Existing(PayoutRecord.From(original, PayoutOutcome.AlreadyExisted), remittance, PayoutOutcome.AlreadyExisted);
                }

                var found = await FindPayoutAsync(requestId, null, log, cancellationToken).ConfigureAwait(false);
                if (found != null)
                {
                    return Existing(found, remittance, PayoutOutcome.AlreadyExisted);
                }
            }

            throw PayoutApiException.FromEnvelope(envelope, requestId);
        }

        /// <summary>A payout the service holds under this requestId, if it is the one this request describes.</summary>
        private static PayoutRecord Existing(PayoutRecord found, RemittanceRequest remittance, PayoutOutcome outcome)
        {
            var differences = PayoutMatch.Differences(remittance, found);
            if (differences.Count > 0)
            {
                throw new PayoutApiException(PayoutErrorKind.RequestIdConflict,
                    $"requestId {remittance.RequestId} was already used for another payout ({found.PayoutId}: {string.Join("; ", differences)}). " +
                    "This row was NOT paid. Give it a RequestId of its own.",
                    requestId: remittance.RequestId);
            }

            if (found.Outcome == outcome)
            {
                return found;
            }

            using (var document = JsonDocument.Parse(found.RawJson))
            {
                return PayoutRecord.From(document.RootElement, outcome);
            }
        }

        private static PayoutApiException InDoubt(string requestId, string why) =>
            new PayoutApiException(PayoutErrorKind.InDoubt,
                $"requestId {requestId} is in doubt: {why}. It may still be paid, or not. Settle it later with " +
                $"Get-PayoutStatus -RequestId {requestId}, or send the row again with the same RequestId: that finds the payout or sends it, and can never pay twice.",
                requestId: requestId);

        public void Dispose() => Transport.Dispose();
    }
}
