using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PayoutPS.Sandbox.Signing;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    internal sealed partial class SandboxState
    {
        private readonly List<CallbackDelivery> _pendingCallbacks = new List<CallbackDelivery>();
        private long _nextCallbackId = 1;

        /// <summary>Signs callbacks: with the merchant's secret, or with the provider's RSA key for RSA merchants.</summary>
        public Func<Merchant, string, string>? CallbackSigner { get; set; }

        /// <summary>[SANDBOX] A signed notification for every status a payout enters (spec §5).</summary>
        private void QueueCallback(Payout payout, DateTime at)
        {
            var merchant = _merchants[payout.MerchantNo];
            if (string.IsNullOrEmpty(merchant.Config.CallbackUrl) || CallbackSigner == null)
            {
                return;
            }

            var delivery = new CallbackDelivery
            {
                Id = _nextCallbackId++,
                MerchantNo = payout.MerchantNo,
                Url = merchant.Config.CallbackUrl!,
                PayoutId = payout.PayoutId,
                RequestId = payout.RequestId,
                PayoutStatus = payout.Status,
                Body = NotificationBody(payout, merchant, at),
                NextAttemptAt = at,
            };
            _callbacks.Add(delivery);
            _pendingCallbacks.Add(delivery);
        }

        /// <summary>
        /// [SANDBOX] The signed notification of a payout's current status, as a delivery would carry it, without
        /// delivering it: to test a receiver, or Test-PayoutNotification, locally. Null when no such payout.
        /// </summary>
        public string? Notification(string merchantNo, string requestId)
        {
            lock (_gate)
            {
                return CallbackSigner != null && _payoutsByRequest.TryGetValue(merchantNo + ":" + requestId, out var payout)
                    ? NotificationBody(payout, _merchants[payout.MerchantNo], Now)
                    : null;
            }
        }

        /// <summary>A notification's JSON body (spec §5), signed like every callback of its merchant.</summary>
        private string NotificationBody(Payout payout, Merchant merchant, DateTime at)
        {
            var view = Views.Payout(payout);
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["merchantNo"] = payout.MerchantNo,
                ["payoutId"] = payout.PayoutId,
                ["requestId"] = payout.RequestId,
                ["payoutStatus"] = payout.Status,
                ["sourceAmount"] = view.SourceAmount,
                ["sourceCurrency"] = payout.SourceCurrency,
                ["targetAmount"] = view.TargetAmount,
                ["targetCurrency"] = payout.TargetCurrency,
                ["fee"] = view.Fee,
                ["reason"] = payout.Reason,
                ["notifyTime"] = Views.Time(at),
            };
            fields["sign"] = CallbackSigner!(merchant, SandboxSignature.Canonical(fields));
            return JsonSerializer.Serialize(fields.Where(f => f.Value != null).ToDictionary(f => f.Key, f => f.Value));
        }

        /// <summary>Deliveries whose next attempt is due; they stay in flight until <see cref="RecordCallbackAttempt"/>.</summary>
        public List<CallbackDelivery> TakeDueCallbacks()
        {
            lock (_gate)
            {
                var now = Now;
                var due = _pendingCallbacks.Where(c => !c.InFlight && c.NextAttemptAt <= now).ToList();
                foreach (var delivery in due)
                {
                    delivery.InFlight = true;
                }

                return due;
            }
        }

        public void RecordCallbackAttempt(CallbackDelivery delivery, int? httpStatus, string? error)
        {
            lock (_gate)
            {
                var now = Now;
                delivery.InFlight = false;
                delivery.Attempts.Add(new CallbackAttempt { Number = delivery.Attempts.Count + 1, Time = now, HttpStatus = httpStatus, Error = error });
                if (httpStatus >= 200 && httpStatus < 300)
                {
                    delivery.Delivered = true;
                    _pendingCallbacks.Remove(delivery);
                    return;
                }

                var retries = _options.CallbackRetrySeconds;
                var delay = retries.Count == 0 ? 60 : retries[Math.Min(delivery.Attempts.Count - 1, retries.Count - 1)];
                if (delivery.Attempts.Count >= _options.CallbackMaxAttempts)
                {
                    _pendingCallbacks.Remove(delivery);   // given up; the attempts stay visible in the state dump
                    return;
                }

                delivery.NextAttemptAt = now.AddSeconds(delay);
            }
        }
    }
}
