using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Money;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// What a batch will take from each source currency's balance, known before any row is sent. A row given as a
    /// send amount (chargeFlag N) debits exactly that amount, fees included. A row given as a receive amount
    /// (chargeFlag Y) debits that amount converted at the quoted rate plus a fee, which the API does not document:
    /// it is estimated as <see cref="FeeRate"/> of the converted amount, and every such row's rounding is counted up.
    /// Rows whose currency or amount cannot be read are named, not priced: they will be refused when sent.
    /// </summary>
    public sealed class BatchCost
    {
        /// <summary>The fee estimate's default: 2 %, the highest share the sandbox charges (cash pickup); a contract's own rate belongs here.</summary>
        public const decimal DefaultFeeRate = 0.02m;

        private readonly Dictionary<string, (decimal Amount, int Rows)> _send = new Dictionary<string, (decimal, int)>(StringComparer.Ordinal);
        private readonly Dictionary<(string Source, string Target), (decimal Amount, int Rows)> _receive = new Dictionary<(string, string), (decimal, int)>();
        private readonly List<(int Row, string Reason)> _unpriced = new List<(int, string)>();
        private readonly List<string> _unpricedPairs = new List<string>();

        public BatchCost(decimal feeRate = DefaultFeeRate) => FeeRate = feeRate;

        public decimal FeeRate { get; }

        /// <summary>Rows that could not be priced, with why (in input order).</summary>
        public IReadOnlyList<(int Row, string Reason)> Unpriced => _unpriced;

        /// <summary>The currency pairs whose rate is needed (one quote each).</summary>
        public IEnumerable<(string Source, string Target)> Pairs => _receive.Keys;

        /// <summary>
        /// Adds one row, read by field name (SendAmount, ReceiveAmount, Amount, ChargeFlag, SourceCurrency,
        /// TargetCurrency) as the operator wrote it: a light read, so a 20,000-row file is totalled in milliseconds.
        /// </summary>
        public void Add(int row, Func<string, string?> field)
        {
            try
            {
                AddChecked(row, field);
            }
            catch (PayoutRequestException ex)
            {
                Unprice(row, ex.Message); // a value that is not a single value, say
            }
        }

        /// <summary>
        /// The file's amounts as written, per currency, without rates: what leaves each source currency, and what must
        /// arrive in each target currency ("EUR 4,800.00 sent in 1; PHP 15,000.00 to arrive in 1 (from USD)"). What an approver signs.
        /// </summary>
        public string WrittenTotals() => string.Join("; ",
            _send.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {Payouts.MoneyText.Column(s.Value.Amount)} sent in {s.Value.Rows}")
                .Concat(_receive.OrderBy(r => r.Key.Target, StringComparer.Ordinal).ThenBy(r => r.Key.Source, StringComparer.Ordinal)
                    .Select(r => $"{r.Key.Target} {Payouts.MoneyText.Column(r.Value.Amount)} to arrive in {r.Value.Rows} (from {r.Key.Source})")));

        /// <summary>Names a row that cannot be priced, with why.</summary>
        public void Unprice(int row, string reason) => _unpriced.Add((row, reason));

        private void AddChecked(int row, Func<string, string?> field)
        {
            var source = Upper(field("SourceCurrency"));
            var target = Upper(field("TargetCurrency")) ?? source;
            if (source == null || !Currencies.IsCode(source) || target == null || !Currencies.IsCode(target))
            {
                _unpriced.Add((row, "its SourceCurrency or TargetCurrency is missing or not an ISO 4217 code"));
                return;
            }

            var flag = Upper(field("ChargeFlag"));
            var send = Blank(field("SendAmount")) ?? (flag == "N" ? Blank(field("Amount")) : null);
            var receive = Blank(field("ReceiveAmount")) ?? (flag == "Y" ? Blank(field("Amount")) : null);
            if ((send == null) == (receive == null))
            {
                _unpriced.Add((row, "it gives neither or both of SendAmount and ReceiveAmount"));
                return;
            }

            var currency = send != null ? source : target;
            var amount = Amount.Normalize(send ?? receive, currency, out var problem);
            if (amount == null)
            {
                _unpriced.Add((row, $"its amount {problem}"));
                return;
            }

            var value = Payouts.MoneyText.Parse(amount) ?? throw new InvalidOperationException($"Amount.Normalize gave '{amount}', which is not a plain amount.");
            if (send != null)
            {
                _send.TryGetValue(source, out var sent);
                _send[source] = (sent.Amount + value, sent.Rows + 1);
                return;
            }

            _receive.TryGetValue((source, target), out var sum);
            _receive[(source, target)] = (sum.Amount + value, sum.Rows + 1);
        }

        /// <summary>
        /// Why a new batch from <paramref name="file"/> may not start: the currencies whose balance does not cover their
        /// estimated debit (a payroll paid until the money runs out is the worst ending); null when every one does.
        /// </summary>
        public static string? ShortOf(IReadOnlyList<PayoutBatchCost> costs, string file)
        {
            var shortOf = costs.Where(c => c.Shortfall > 0).Select(c => c.Describe()).ToList();
            return shortOf.Count == 0 ? null
                : $"{file} needs more than the balance holds ({string.Join("; ", shortOf)}). Nothing was sent. " +
                  "Top the balance up or split the file; Measure-PayoutBatch shows the figures. -SkipBalanceCheck pays rows until the balance runs out.";
        }

        /// <summary>
        /// The cost per source currency, made afresh from the rows added: the receive rows priced at <paramref name="rates"/> (source → target; a
        /// pair without a rate leaves its rows unpriced) and compared with what is <paramref name="available"/>.
        /// </summary>
        public IReadOnlyList<PayoutBatchCost> Price(IReadOnlyDictionary<(string Source, string Target), decimal> rates, IReadOnlyDictionary<string, decimal> available)
        {
            var costs = new Dictionary<string, PayoutBatchCost>(StringComparer.Ordinal);
            PayoutBatchCost Of(string currency) => costs.TryGetValue(currency, out var cost) ? cost : costs[currency] = new PayoutBatchCost { Currency = currency };

            foreach (var sent in _send)
            {
                var cost = Of(sent.Key);
                (cost.SendRows, cost.SendTotal) = (sent.Value.Rows, sent.Value.Amount);
                cost.EstimatedDebit += sent.Value.Amount;
            }

            foreach (var pair in _receive)
            {
                var cost = Of(pair.Key.Source);
                if (!rates.TryGetValue(pair.Key, out var rate) || rate <= 0)
                {
                    cost.UnpricedRows += pair.Value.Rows;
                    continue;
                }

                // Converted and charged once for the pair, then each row's rounding up (principal and fee) added.
                var minor = 1m / Pow10(Currencies.Exponent(pair.Key.Source));
                var principal = pair.Value.Amount / rate;
                var debit = principal + (principal * FeeRate) + (2 * minor * pair.Value.Rows);
                cost.ReceiveRows += pair.Value.Rows;
                cost.EstimatedDebit += Math.Ceiling(debit / minor) * minor;
            }

            foreach (var cost in costs.Values)
            {
                cost.Available = available.TryGetValue(cost.Currency, out var balance) ? balance : 0m;
                cost.Estimate = cost.ReceiveRows == 0
                    ? "exact: every row gives the amount that leaves the balance (SendAmount)"
                    : $"estimated: {cost.ReceiveRows} row(s) give what arrives (ReceiveAmount), converted at the quoted rate plus an estimated fee of {FeeRate * 100:0.##} % (the API documents no fee schedule)";
            }

            return costs.Values.OrderBy(c => c.Currency, StringComparer.Ordinal).ToList();
        }

        /// <summary>Asks the service for the balances and one quote per currency pair, then prices the batch. Sends no payout.</summary>
        public async Task<IReadOnlyList<PayoutBatchCost>> PriceAsync(AccountApi api, IPayoutLog log, CancellationToken token)
        {
            var available = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var balance in await api.GetBalancesAsync(log, token).ConfigureAwait(false))
            {
                available[balance.Currency] = balance.Available ?? balance.Balance;
            }

            var rates = new Dictionary<(string, string), decimal>();
            _unpricedPairs.Clear();
            foreach (var pair in Pairs.ToList())
            {
                try
                {
                    rates[pair] = pair.Source == pair.Target ? 1m : (await api.GetExchangeRateAsync(pair.Source, pair.Target, null, log, token).ConfigureAwait(false)).Rate;
                }
                catch (PayoutApiException ex) when (ex.Kind != PayoutErrorKind.Unavailable && ex.Kind != PayoutErrorKind.Authentication)
                {
                    _unpricedPairs.Add($"{pair.Source} → {pair.Target}: {ex.Message}");
                }
            }

            return Price(rates, available);
        }

        /// <summary>Currency pairs the service gave no rate for, with its answer.</summary>
        public IReadOnlyList<string> UnpricedPairs => _unpricedPairs;

        private static decimal Pow10(int exponent)
        {
            var result = 1m;
            for (var i = 0; i < exponent; i++)
            {
                result *= 10;
            }

            return result;
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

        private static string? Upper(string? text) => Blank(text)?.ToUpperInvariant();
    }

    /// <summary>One source currency of a batch: its rows, what they take from the balance, and whether it is there.</summary>
    public sealed class PayoutBatchCost
    {
        public string Currency { get; internal set; } = string.Empty;

        /// <summary>Rows priced in this currency.</summary>
        public int Rows => SendRows + ReceiveRows;

        public int SendRows { get; internal set; }

        /// <summary>The sum of the send amounts as written (each a debit, fees included).</summary>
        public decimal SendTotal { get; internal set; }

        public int ReceiveRows { get; internal set; }

        /// <summary>Rows given as a receive amount whose currency pair had no rate: not in the estimate.</summary>
        public int UnpricedRows { get; internal set; }

        /// <summary>What the rows will take from the balance (see <see cref="Estimate"/>).</summary>
        public decimal EstimatedDebit { get; internal set; }

        /// <summary>The balance available now.</summary>
        public decimal Available { get; internal set; }

        public decimal Shortfall => EstimatedDebit > Available ? EstimatedDebit - Available : 0m;

        /// <summary>Whether the estimate is exact, and where it comes from when not.</summary>
        public string Estimate { get; internal set; } = string.Empty;

        /// <summary>"USD 120.00 needed, 100.00 available, short by 20.00", culture-free.</summary>
        public string Describe() =>
            $"{Currency} {Text(EstimatedDebit)} needed, {Text(Available)} available" + (Shortfall > 0 ? $", short by {Text(Shortfall)}" : string.Empty);

        private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
    }
}
