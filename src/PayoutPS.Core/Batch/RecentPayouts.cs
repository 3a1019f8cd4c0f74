using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// The duplicate guard's view of the service: the merchant's payouts created within a window, as compact
    /// keys over what the transaction list returns (payee id or the account's last four, amounts, currencies,
    /// reference). It is a heuristic that holds rows back; it never decides that something was paid.
    /// Over 300 lines on purpose: the paged listing, the compact index and the key it is built on must agree on every
    /// byte (a key computed two ways is a double payment let through), so they stay in one file.
    /// </summary>
    public sealed class RecentPayouts
    {
        /// <summary>The default window: a payroll rerun within three days (a weekend) is the case to catch.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(72);

        private const int PageSize = 100; // the transaction list's largest page

        // A hundred thousand listed payouts are held as a few flat arrays, not objects per payout: every key maps to
        // a chain of slots (payout × 2 + side) in _nextSlot, and each payout's message for a held row is kept in a TextArena.
        private readonly Dictionary<ulong, Chain> _chains;
        private readonly List<int> _nextSlot;
        private readonly List<Earlier> _payouts;
        private readonly HashSet<ulong> _seen; // payout ids (hashed): pages shift while new payouts arrive
        private readonly TextArena _shown = new TextArena(); // what a held row's message says of each
        private readonly StringBuilder _message = new StringBuilder();

        public RecentPayouts()
            : this(0)
        {
        }

        /// <summary>Sized for <paramref name="expected"/> payouts (the list's total), so nothing is copied while growing.</summary>
        private RecentPayouts(int expected)
        {
            _chains = new Dictionary<ulong, Chain>(expected * 2);
            _nextSlot = new List<int>(expected * 2);
            _payouts = new List<Earlier>(expected);
            _seen = new HashSet<ulong>(expected);
        }

        /// <summary>Payouts the list returned that this journal does not know.</summary>
        public int Count => _payouts.Count;

        /// <summary>
        /// Pages through the transaction list once, <paramref name="pagesInFlight"/> pages at a time (the run's
        /// -ThrottleLimit: what the operator allows in flight); payouts whose requestId <paramref name="known"/> are left out.
        /// The window is drawn by the service's clock (<see cref="ServiceClock"/>), never this machine's alone.
        /// </summary>
        public static async Task<RecentPayouts> LoadAsync(PayoutClient client, TimeSpan window, Func<string, bool> known, int pagesInFlight, IPayoutLog log, CancellationToken cancellationToken)
        {
            if (pagesInFlight < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pagesInFlight), pagesInFlight, "At least one page must be allowed in flight.");
            }

            var clock = client.Transport.ServiceClock;
            var query = Window(clock, window);
            var first = await client.ListPayoutsAsync(query, PageSize, 1, Listed.Read, log, cancellationToken).ConfigureAwait(false);
            var corrected = Window(clock, window);
            if (Math.Abs((corrected.CreatedFrom - query.CreatedFrom).Ticks) > ClockTolerance.Ticks)
            {
                // The first answer told the service's time, and it is far from what the window was drawn by: list again by it.
                log.Verbose($"Duplicate guard: the service's clock is {clock.Offset!.Value.TotalMinutes:+0.#;-0.#} minutes off this machine's; listing by the service's time.");
                query = corrected;
                first = await client.ListPayoutsAsync(query, PageSize, 1, Listed.Read, log, cancellationToken).ConfigureAwait(false);
            }

            var recent = await ListAsync(client, query, first, known, pagesInFlight, log, cancellationToken).ConfigureAwait(false);
            log.Verbose($"Duplicate guard: {recent.Count} payout(s) created in the last {window.TotalHours:0.#} hours are not in this journal.");
            return recent;
        }

        /// <summary>How far the window may be off the service's clock before the list is read again (the Date header has whole seconds).</summary>
        private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Payouts created from <paramref name="window"/> before the service's now, to a day after it: payouts made while
        /// the list is read are in it too. Before any answer told the service's time, this machine's clock stands in.
        /// </summary>
        private static PayoutQuery Window(ServiceClock clock, TimeSpan window)
        {
            var now = clock.UtcNow ?? DateTime.UtcNow;
            return new PayoutQuery { CreatedFrom = now - window, CreatedTo = now.AddDays(1) };
        }

        /// <summary>
        /// The pages after <paramref name="first"/> are asked for as many at a time as the run may have in flight (the
        /// list is one round trip per 100 payouts: against a distant service the listing is latency-bound, like the run),
        /// then read on one by one for whatever arrived meanwhile.
        /// </summary>
        private static async Task<RecentPayouts> ListAsync(PayoutClient client, PayoutQuery query, PayoutPage<Listed> first, Func<string, bool> known, int pagesInFlight,
            IPayoutLog log, CancellationToken cancellationToken)
        {
            Task<PayoutPage<Listed>> Page(int current) => client.ListPayoutsAsync(query, PageSize, current, Listed.Read, log, cancellationToken);

            var last = first;
            var recent = new RecentPayouts(Math.Max(0, last.Total));
            recent.AddAll(last.Records, known);
            var pages = (last.Total + PageSize - 1) / PageSize;
            var next = 2;
            for (; next <= pages && last.Records.Count == PageSize; next += pagesInFlight)
            {
                var batch = new List<Task<PayoutPage<Listed>>>();
                for (var current = next; current < next + pagesInFlight && current <= pages; current++)
                {
                    batch.Add(Page(current));
                }

                foreach (var page in await Task.WhenAll(batch).ConfigureAwait(false))
                {
                    recent.AddAll(page.Records, known);
                    last = page;
                }
            }

            for (next = Math.Max(2, pages + 1); last.Records.Count == PageSize; next++)
            {
                last = await Page(next).ConfigureAwait(false);
                recent.AddAll(last.Records, known);
            }

            return recent;
        }

        /// <summary>The unused earlier payout <paramref name="request"/> looks like, marked used; null when none.</summary>
        public string? Claim(RemittanceRequest request) => Claim(request, KeyOf(request));

        /// <summary>As <see cref="Claim(RemittanceRequest)"/>, with the request's guard key already made (0: make it).</summary>
        public string? Claim(RemittanceRequest request, ulong key) =>
            Claim(key != 0 ? key : KeyOf(request), request.RequestId == null ? 0 : PayeeKeys.Of(request.RequestId));

        /// <summary>The unused listed payout with guard key <paramref name="key"/> (see <see cref="KeyOf"/>) whose requestId is not <paramref name="ownId"/> (hashed), marked used; null when none.</summary>
        public string? Claim(ulong key, ulong ownId = 0)
        {
            if (!_chains.TryGetValue(key, out var chain))
            {
                return null;
            }

            for (var slot = chain.First; slot >= 0; slot = _nextSlot[slot])
            {
                var index = slot / 2;
                var earlier = _payouts[index];
                if (!earlier.Used && earlier.RequestId != ownId)
                {
                    earlier.Used = true; // each earlier payout holds at most one row
                    _payouts[index] = earlier;
                    return _shown[earlier.Shown];
                }
            }

            return null;
        }

        private void AddAll(IReadOnlyList<Listed> payouts, Func<string, bool> known)
        {
            foreach (var payout in payouts)
            {
                if (payout.RequestId == null || !known(payout.RequestId))
                {
                    Add(payout);
                }
            }
        }

        /// <summary>Adds one record of the transaction list as the service sent it.</summary>
        internal void Add(JsonElement listed) => Add(Listed.Read(listed));

        /// <summary>Leaves out (marks used) every payout <paramref name="earlier"/> listed too: a second listing then holds only what is new.</summary>
        public void Without(RecentPayouts earlier)
        {
            for (var i = 0; i < _payouts.Count; i++)
            {
                var payout = _payouts[i];
                if (payout.PayoutId != 0 && earlier._seen.Contains(payout.PayoutId))
                {
                    payout.Used = true;
                    _payouts[i] = payout;
                }
            }
        }

        private void Add(Listed payout)
        {
            var payoutId = payout.PayoutId == null ? 0 : PayeeKeys.Of(payout.PayoutId);
            if (payout.PayoutId != null && !_seen.Add(payoutId))
            {
                return;
            }

            var index = _payouts.Count;
            _payouts.Add(new Earlier
            {
                PayoutId = payoutId,
                RequestId = payout.RequestId == null ? 0 : PayeeKeys.Of(payout.RequestId),
                Shown = _shown.Add(_message.Clear()
                    .Append("payout ").Append(payout.PayoutId).Append(" (requestId ").Append(payout.RequestId).Append(", created ").Append(payout.CreateTime).Append(" UTC, ")
                    .Append(payout.SourceAmount).Append(' ').Append(payout.SourceCurrency).Append(" → ").Append(payout.TargetAmount).Append(' ').Append(payout.TargetCurrency).Append(')')),
            });

            // The list does not say which amount was given: a row sent by either matches.
            Link(Key(send: true, payout.BeneficiaryId, payout.CardNumber, payout.SourceCurrency, payout.TargetCurrency, payout.SourceAmount, payout.Reference), index * 2);
            Link(Key(send: false, payout.BeneficiaryId, payout.CardNumber, payout.SourceCurrency, payout.TargetCurrency, payout.TargetAmount, payout.Reference), index * 2 + 1);
        }

        /// <summary>Appends <paramref name="slot"/> to the chain of <paramref name="key"/>: candidates are tried in the order listed.</summary>
        private void Link(ulong key, int slot)
        {
            _nextSlot.Add(-1);
            if (_chains.TryGetValue(key, out var chain))
            {
                _nextSlot[chain.Last] = slot;
                _chains[key] = new Chain { First = chain.First, Last = slot };
            }
            else
            {
                _chains[key] = new Chain { First = slot, Last = slot };
            }
        }

        /// <summary>The guard's key of a row: payee id or the account's last four, the amount as given, currencies and reference.</summary>
        public static ulong KeyOf(RemittanceRequest request) => request.SendAmount != null
            ? Key(send: true, request.BeneficiaryId, request.Payee?.AccountNumber, request.SourceCurrency, request.TargetCurrency, request.SendAmount, request.Reference)
            : Key(send: false, request.BeneficiaryId, request.Payee?.AccountNumber, request.SourceCurrency, request.TargetCurrency, request.ReceiveAmount, request.Reference);

        /// <summary>A row's or a listed payout's key, hashed from the parts as they are (no part is made a string first).</summary>
        private static ulong Key(bool send, string? beneficiaryId, string? account, string? sourceCurrency, string? targetCurrency, string? amount, string? reference) =>
            Payee(KeyBuilder.Start.Part((send ? "send" : "receive").AsSpan()), beneficiaryId, account)
                .UpperPart(sourceCurrency.AsSpan()).UpperPart(targetCurrency.AsSpan()).Part(Number(amount)).Part(reference.AsSpan()).Value;

        /// <summary>A payee id, or the account's last four characters: what a statement-style list shows.</summary>
        private static KeyBuilder Payee(KeyBuilder key, string? beneficiaryId, string? account)
        {
            if (!string.IsNullOrEmpty(beneficiaryId))
            {
                return key.Add("id:".AsSpan()).Part(beneficiaryId.AsSpan());
            }

            return key.Add("account:".AsSpan()).UpperPart(Input.AccountNumber.LastFour(account.AsSpan()));
        }

        /// <summary>Amounts compared as numbers: "100", "100.0" and "100.00" are one amount.</summary>
        private static ReadOnlySpan<char> Number(string? amount)
        {
            var text = amount.AsSpan();
            if (!IsPlain(text)) // what the service lists is plain: only other writings are parsed
            {
                if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return text;
                }

                text = value.ToString(CultureInfo.InvariantCulture).AsSpan(); // keeps the scale: "100.00"
            }

            return text.IndexOf('.') < 0 ? text : text.TrimEnd('0').TrimEnd('.');
        }

        /// <summary>Digits with at most one decimal point and no leading zero: written as decimal.ToString would write it.</summary>
        private static bool IsPlain(ReadOnlySpan<char> text)
        {
            var point = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '.' && point < 0 && i > 0)
                {
                    point = i;
                }
                else if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            var integerDigits = point < 0 ? text.Length : point;
            return integerDigits > 0 && (text[0] != '0' || integerDigits == 1);
        }

        /// <summary>
        /// The fields of a listed payout the guard reads, taken in one pass over the record's properties: a page is
        /// read 1,000 times for 100,000 payouts, and full records (every field, the raw text) cost most of the listing.
        /// </summary>
        private struct Listed
        {
            public string? PayoutId;
            public string? RequestId;
            public string? CreateTime;
            public string? SourceAmount;
            public string? SourceCurrency;
            public string? TargetAmount;
            public string? TargetCurrency;
            public string? BeneficiaryId;
            public string? CardNumber;
            public string? Reference;

            public static Listed Read(JsonElement record)
            {
                var listed = default(Listed);
                if (record.ValueKind != JsonValueKind.Object)
                {
                    return listed;
                }

                foreach (var field in record.EnumerateObject())
                {
                    var value = field.Value;
                    if (field.NameEquals("payoutId"u8)) listed.PayoutId = ApiEnvelope.Text(value);
                    else if (field.NameEquals("requestId"u8)) listed.RequestId = ApiEnvelope.Text(value);
                    else if (field.NameEquals("createTime"u8)) listed.CreateTime = ApiEnvelope.Text(value);
                    else if (field.NameEquals("sourceAmount"u8)) listed.SourceAmount = ApiEnvelope.Text(value);
                    else if (field.NameEquals("sourceCurrency"u8)) listed.SourceCurrency = ApiEnvelope.Text(value);
                    else if (field.NameEquals("targetAmount"u8)) listed.TargetAmount = ApiEnvelope.Text(value);
                    else if (field.NameEquals("targetCurrency"u8)) listed.TargetCurrency = ApiEnvelope.Text(value);
                    else if (field.NameEquals("beneficiaryId"u8)) listed.BeneficiaryId = ApiEnvelope.Text(value);
                    else if (field.NameEquals("cardNumber"u8)) listed.CardNumber = ApiEnvelope.Text(value);
                    else if (field.NameEquals("reference"u8)) listed.Reference = ApiEnvelope.Text(value);
                }

                return listed;
            }
        }

        /// <summary>An earlier payout: its payout id and requestId (hashed: a second listing leaves out what the first held, a row its own payout), what a held row's message names, and whether a row holds it.</summary>
        private struct Earlier
        {
            public ulong PayoutId;
            public ulong RequestId;
            public TextArena.Text Shown;
            public bool Used;
        }

        private struct Chain
        {
            public int First;
            public int Last;
        }
    }
}
