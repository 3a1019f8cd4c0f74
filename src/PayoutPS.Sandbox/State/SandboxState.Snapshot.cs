using System.Collections.Generic;
using System.Linq;
using PayoutPS.Sandbox.Model;

namespace PayoutPS.Sandbox.State
{
    internal sealed partial class SandboxState
    {
        /// <summary>
        /// Everything a test needs to assert "exactly once": each payout by requestId with how many creation
        /// requests arrived for it (refused duplicates included), balances, payees and callback attempts.
        /// </summary>
        public Dictionary<string, object?> Snapshot()
        {
            lock (_gate)
            {
                return new Dictionary<string, object?>
                {
                    ["now"] = Views.Time(Now),
                    ["clockSpeed"] = _clock.Speed,
                    ["merchants"] = _merchants.Values.Select(m => new Dictionary<string, object?>
                    {
                        ["merchantNo"] = m.MerchantNo,
                        ["callbackUrl"] = m.Config.CallbackUrl,
                        ["balances"] = m.Balances.ToDictionary(b => b.Key, b => Currencies.Format(b.Value, b.Key)),
                    }).ToList(),
                    ["payouts"] = _payouts.Select(p =>
                    {
                        var view = Views.Payout(p);
                        view.More = new Dictionary<string, object?>
                        {
                            ["merchantNo"] = p.MerchantNo,
                            ["creationAttempts"] = _creationAttempts[p.MerchantNo + ":" + p.RequestId],
                            ["payeeName"] = p.PayeeName,
                            ["request"] = p.Wire,
                        };
                        return view;
                    }).ToList(),
                    ["creationAttempts"] = new Dictionary<string, int>(_creationAttempts),
                    ["payees"] = _payees.Values.Select(p => Views.Payee(p)).ToList(),
                    ["ledger"] = _ledger.Select(e => Views.Ledger(e)).ToList(),
                    ["callbacks"] = _callbacks.Select(c => new Dictionary<string, object?>
                    {
                        ["id"] = c.Id,
                        ["payoutId"] = c.PayoutId,
                        ["requestId"] = c.RequestId,
                        ["payoutStatus"] = c.PayoutStatus,
                        ["url"] = c.Url,
                        ["body"] = c.Body, // so a test can replay a delivery: duplicates and out-of-order arrivals
                        ["delivered"] = c.Delivered,
                        ["attempts"] = c.Attempts.Select(a => new Dictionary<string, object?>
                        {
                            ["number"] = a.Number,
                            ["time"] = Views.Time(a.Time),
                            ["httpStatus"] = a.HttpStatus,
                            ["error"] = a.Error,
                        }).ToList(),
                    }).ToList(),
                };
            }
        }
    }
}
