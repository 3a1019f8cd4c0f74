using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PayoutPS.Sandbox.Api;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    /// <summary>
    /// All mutable sandbox state behind one lock: simple to reason about, and far faster than the
    /// throughput the benchmarks need. Time-driven changes happen in <see cref="Pump"/>.
    /// </summary>
    internal sealed partial class SandboxState
    {
        private readonly object _gate = new object();
        private readonly SandboxOptions _options;
        private readonly SandboxClock _clock;
        private readonly Func<IEnumerable<Merchant>> _merchantFactory;
        private readonly Dictionary<string, Merchant> _merchants = new Dictionary<string, Merchant>(StringComparer.Ordinal);
        private readonly Dictionary<string, Payee> _payees = new Dictionary<string, Payee>(StringComparer.Ordinal);
        private readonly Dictionary<string, Payout> _payoutsByRequest = new Dictionary<string, Payout>(StringComparer.Ordinal);
        private readonly Dictionary<string, Payout> _payoutsById = new Dictionary<string, Payout>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _creationAttempts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<Payout> _payouts = new List<Payout>();
        private List<Payout>? _newestFirst; // _payouts sorted for the transaction list; null after a change
        private (string Key, List<Payout> Matches)? _lastList; // the last unchanged list query, for its next pages
        private readonly List<LedgerEntry> _ledger = new List<LedgerEntry>();
        private (string Key, List<LedgerEntry> Matches)? _lastLedger; // the last ledger query, for its next pages (entries are only appended)
        private readonly List<CallbackDelivery> _callbacks = new List<CallbackDelivery>();

        // Due work, ordered by when it is due, so Pump costs nothing when nothing is due.
        private readonly PriorityQueue<Payout, DateTime> _pendingSteps = new PriorityQueue<Payout, DateTime>();
        private readonly PriorityQueue<Payee, DateTime> _pendingReviews = new PriorityQueue<Payee, DateTime>();
        private long _nextPayoutId;
        private long _nextPayeeId;
        private long _nextEntryId;

        public SandboxState(SandboxOptions options, SandboxClock clock, Func<IEnumerable<Merchant>> merchantFactory)
        {
            _options = options;
            _clock = clock;
            _merchantFactory = merchantFactory;
            Reset();
        }

        public DateTime Now => _clock.UtcNow;

        /// <summary>Back to the start: configured merchants and balances, nothing else.</summary>
        public void Reset()
        {
            lock (_gate)
            {
                _merchants.Clear();
                foreach (var merchant in _merchantFactory())
                {
                    _merchants[merchant.MerchantNo] = merchant;
                }

                _payees.Clear();
                _payoutsByRequest.Clear();
                _payoutsById.Clear();
                _creationAttempts.Clear();
                _payouts.Clear();
                _newestFirst = null;
                _lastList = null;
                _ledger.Clear();
                _lastLedger = null;
                _callbacks.Clear();
                _pendingCallbacks.Clear();
                _pendingSteps.Clear();
                _pendingReviews.Clear();
                _nextPayoutId = 1774000000000000001;
                _nextPayeeId = 1775000000000000001;
                _nextEntryId = 1;
            }
        }

        public Merchant? FindMerchant(string merchantNo)
        {
            lock (_gate)
            {
                return _merchants.TryGetValue(merchantNo, out var merchant) ? merchant : null;
            }
        }

        public void AddMerchant(Merchant merchant)
        {
            lock (_gate)
            {
                _merchants[merchant.MerchantNo] = merchant;
            }
        }

        /// <summary>Applies every review and status step that is due by now, queueing callbacks.</summary>
        public void Pump()
        {
            lock (_gate)
            {
                var now = Now;
                while (_pendingReviews.TryPeek(out var payee, out var due) && due <= now)
                {
                    _pendingReviews.Dequeue();
                    var stillInReview = payee.Status == PayeeStatus.Waiting || payee.Status == PayeeStatus.PendingUpdate;
                    if (stillInReview && payee.ReviewDueAt == due)
                    {
                        payee.Status = payee.RejectOnReview ? PayeeStatus.Reject : PayeeStatus.Pass;
                        payee.UpdateTime = due;
                    }
                }

                while (_pendingSteps.TryPeek(out var payout, out var at) && at <= now)
                {
                    _pendingSteps.Dequeue();
                    Step(payout, at);
                    if (payout.Path.Count > 0)
                    {
                        _pendingSteps.Enqueue(payout, payout.NextStepAt);
                    }
                }
            }
        }

        private void Step(Payout payout, DateTime at)
        {
            payout.Status = payout.Path.Dequeue();
            payout.UpdateTime = at;
            payout.NextStepAt = at.AddSeconds(_options.StatusStepSeconds);
            if (PayoutStatus.IsTerminal(payout.Status))
            {
                payout.FinishTime = at;
            }

            if (PayoutStatus.IsRefunded(payout.Status))
            {
                payout.Reason = FailureReason(payout.Status);
                Book(payout, "PAYOUT_REVERSAL", payout.Debit - payout.Fee, at);
                Book(payout, "FEE_REVERSAL", payout.Fee, at);
            }

            QueueCallback(payout, at);
        }

        private static string FailureReason(string status) => status switch
        {
            PayoutStatus.ReviewFailed => "Review failed (sandbox trigger SANDBOX_REVIEW_FAIL)",
            PayoutStatus.CheckFailed => "System check failed (sandbox trigger SANDBOX_CHECK_FAIL)",
            _ => "Payout failed at the receiving bank (sandbox trigger SANDBOX_FAIL)",
        };

        private void Book(Payout payout, string type, decimal amount, DateTime at)
        {
            var merchant = _merchants[payout.MerchantNo];
            merchant.Balances.TryGetValue(payout.SourceCurrency, out var balance);
            balance += amount;
            merchant.Balances[payout.SourceCurrency] = balance;
            _ledger.Add(new LedgerEntry
            {
                EntryId = (_nextEntryId++).ToString(CultureInfo.InvariantCulture),
                MerchantNo = payout.MerchantNo,
                Currency = payout.SourceCurrency,
                TxnType = type,
                Amount = amount,
                BalanceAfter = balance,
                PayoutId = payout.PayoutId,
                RequestId = payout.RequestId,
                Time = at,
            });
        }

        /// <summary>The statuses a payout will go through, chosen by the documented triggers in its reference.</summary>
        private static IEnumerable<string> PlannedPath(string? reference)
        {
            var text = reference ?? string.Empty;
            if (text.Contains("SANDBOX_REVIEW_FAIL"))
            {
                return new[] { PayoutStatus.ReviewFailed };
            }

            var path = new List<string>();
            if (text.Contains("SANDBOX_COMPLIANCE"))
            {
                path.Add(PayoutStatus.ComplianceReview);
            }

            path.Add(PayoutStatus.SystemCheck);
            if (text.Contains("SANDBOX_CHECK_FAIL"))
            {
                path.Add(PayoutStatus.CheckFailed);
                return path;
            }

            path.Add(PayoutStatus.Approved);
            path.Add(PayoutStatus.Processing);
            if (text.Contains("SANDBOX_HOLD"))
            {
                return path;
            }

            path.Add(text.Contains("SANDBOX_FAIL") ? PayoutStatus.Failed : PayoutStatus.Success);
            return path;
        }

        public IReadOnlyDictionary<string, decimal> Balances(Merchant merchant)
        {
            lock (_gate)
            {
                return new Dictionary<string, decimal>(merchant.Balances, StringComparer.Ordinal);
            }
        }

        public List<LedgerEntry> Ledger(string merchantNo, string currency, DateTime from, DateTime to, string? txnType)
        {
            lock (_gate)
            {
                // Reading a million entries asks for 10,000 pages of one query: it is filtered once per change of the
                // ledger, not once per page (which took a scan and a copy of the whole ledger per page).
                var key = $"{merchantNo}|{currency}|{from:o}|{to:o}|{txnType}|{_ledger.Count}";
                return Remembered(ref _lastLedger, key, () => _ledger.Where(e => e.MerchantNo == merchantNo && e.Currency == currency && e.Time >= from && e.Time <= to &&
                                                                                (txnType == null || e.TxnType == txnType)).ToList());
            }
        }

        /// <summary>
        /// A paged query's matches, computed once and reused while its next pages ask with the same key (the key
        /// names the query and the state it was computed from, so any change computes afresh).
        /// </summary>
        private static List<T> Remembered<T>(ref (string Key, List<T> Matches)? last, string key, Func<List<T>> compute)
        {
            if (last?.Key == key)
            {
                return last.Value.Matches;
            }

            var matches = compute();
            last = (key, matches);
            return matches;
        }
    }
}
