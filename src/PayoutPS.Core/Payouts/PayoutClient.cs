using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// Over 300 lines on purpose: creating a payout and settling an answer that cannot be believed (looking it up,
    /// comparing it with the request) are one exactly-once protocol, read best in one place.
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

        /// <summary>
        /// Looks several payouts up by requestId, up to <paramref name="inFlight"/> at a time (a journal of a million
        /// rows asked one by one takes minutes); each answer, or the error that stopped it, in the order asked.
        /// </summary>
        public async Task<(PayoutRecord? Found, PayoutApiException? Error)[]> FindPayoutsAsync(IReadOnlyList<string> requestIds, int inFlight, IPayoutLog log, CancellationToken cancellationToken)
        {
            var results = new (PayoutRecord?, PayoutApiException?)[requestIds.Count];
            using (var slots = new SemaphoreSlim(Math.Max(1, inFlight)))
            {
                async Task Find(int index)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        results[index] = (await FindPayoutAsync(requestIds[index], null, log, cancellationToken).ConfigureAwait(false), null);
                    }
                    catch (PayoutApiException ex)
                    {
                        results[index] = (null, ex);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }

                await Task.WhenAll(Enumerable.Range(0, requestIds.Count).Select(Find)).ConfigureAwait(false);
            }

            return results;
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

        public Task<PayoutPage<PayoutRecord>> ListPayoutsAsync(PayoutQuery query, int size, int current, IPayoutLog log, CancellationToken cancellationToken) =>
            ListPayoutsAsync(query, size, current, item => PayoutRecord.From(item, PayoutOutcome.Queried), log, cancellationToken);

        /// <summary>One page of the transaction list, each record read by <paramref name="read"/> (a reader that needs a few fields need not build records).</summary>
        public async Task<PayoutPage<T>> ListPayoutsAsync<T>(PayoutQuery query, int size, int current, Func<JsonElement, T> read, IPayoutLog log, CancellationToken cancellationToken)
        {
            var envelope = await Transport.SendAsync(TransactionListPath, query.ToFields(size, current), log, cancellationToken).ConfigureAwait(false);
            if (!envelope.IsSuccess)
            {
                throw PayoutApiException.FromEnvelope(envelope, query.RequestId);
            }

            var records = new List<T>();
            var total = 0;
            if (envelope.Data is JsonElement data && data.ValueKind == JsonValueKind.Object)
            {
                if (data.TryGetProperty("records", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        records.Add(read(item));
                    }
                }

                int.TryParse(ApiEnvelope.Text(data, "total"), NumberStyles.None, CultureInfo.InvariantCulture, out total);
            }

            return new PayoutPage<T>(records, total);
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

        /// <summary>
        /// What an answer says about this request. A success or a 13003 is believed only when its data names this
        /// requestId with this row's amounts, currencies and payee; a success that names another payout, carries
        /// no payout, or is no Payout API answer at all (cut short, garbage, a proxy's 4xx) leaves the payout in doubt, and a
        /// lookup by requestId settles it or the row ends <see cref="PayoutErrorKind.InDoubt"/>. Never "refused"
        /// by assumption: the request reached the service.
        /// </summary>
        private async Task<PayoutRecord> FromAnswerAsync(ApiEnvelope envelope, RemittanceRequest remittance, IPayoutLog log, CancellationToken cancellationToken)
        {
            string why;
            if (envelope.IsSuccess || envelope.RespCode == DuplicateRequestCode)
            {
                var outcome = envelope.IsSuccess ? PayoutOutcome.Created : PayoutOutcome.AlreadyExisted;
                if (!(envelope.Data is JsonElement data) || data.ValueKind != JsonValueKind.Object)
                {
                    why = $"the service answered respCode {envelope.RespCode} without the payout";
                }
                else
                {
                    var answered = PayoutRecord.From(data, outcome);
                    var differences = PayoutMatch.Differences(remittance, answered);
                    if (string.Equals(answered.RequestId, remittance.RequestId, StringComparison.Ordinal) && differences.Count == 0)
                    {
                        return answered;
                    }

                    why = answered.RequestId == null
                        ? "the service's answer names no requestId"
                        : $"the service's answer describes another payout ({answered.PayoutId}: {string.Join("; ", differences)})";
                }

                return await SettleAsync(remittance, outcome, why, log, cancellationToken).ConfigureAwait(false);
            }

            if (envelope.RespCode == null)
            {
                // A body that is no Payout API answer: cut short or garbage with HTTP 200, or a proxy's or gateway's own
                // 4xx (408, 403…). The service's verdict is not in it: the request may have arrived, so its fate is unknown.
                return await SettleAsync(remittance, PayoutOutcome.Recovered, $"HTTP {envelope.HttpStatus} came with a body that is not a Payout API answer", log, cancellationToken).ConfigureAwait(false);
            }

            throw PayoutApiException.FromEnvelope(envelope, remittance.RequestId);
        }

        /// <summary>An answer that cannot be believed: ask the service by requestId; in doubt when that does not settle it.</summary>
        private async Task<PayoutRecord> SettleAsync(RemittanceRequest remittance, PayoutOutcome outcome, string why, IPayoutLog log, CancellationToken cancellationToken)
        {
            log.Verbose($"requestId {remittance.RequestId}: {why}; looking it up.");
            PayoutRecord? found;
            try
            {
                found = await FindPayoutAsync(remittance.RequestId, null, log, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PayoutApiException || ex is InvalidOperationException || ex is JsonException)
            {
                throw InDoubt(remittance.RequestId, $"{why}, and asking the service failed too ({ex.Message})");
            }

            if (found == null)
            {
                throw InDoubt(remittance.RequestId, $"{why}, and the service does not show the payout yet");
            }

            return Existing(found, remittance, outcome);
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
