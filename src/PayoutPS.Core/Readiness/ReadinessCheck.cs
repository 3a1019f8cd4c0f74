using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Account;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;

namespace PayoutPS.Core.Readiness
{
    /// <summary>
    /// The provider's pre-launch checklist (all flows tested, signatures verified, callback address correct,
    /// errors handled) run against a connected environment. Scenarios that create payouts run only where no
    /// real money moves.
    /// </summary>
    public sealed class ReadinessCheck
    {
        public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

        private readonly PayoutClient _client;
        private readonly RequestSigner _signer;
        private readonly string? _mayMoveRealMoney;
        private readonly IPayoutLog _log;
        private readonly Func<DateTime> _utcNow;

        /// <param name="mayMoveRealMoney">Why the service is not known to be a sandbox (<see cref="SandboxProof"/>); null runs the payout scenarios.</param>
        public ReadinessCheck(PayoutClient client, RequestSigner signer, string? mayMoveRealMoney, IPayoutLog log, Func<DateTime>? utcNow = null)
        {
            _client = client;
            _signer = signer;
            _mayMoveRealMoney = mayMoveRealMoney;
            _log = log;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        public async Task<List<ReadinessItem>> RunAsync(string? keyFile, Uri? callbackUrl, CancellationToken token)
        {
            var items = new List<ReadinessItem>();
            var balances = await SignedCallAndBalancesAsync(items, token).ConfigureAwait(false);
            items.Add(await BadRequestRejectedAsync(token).ConfigureAwait(false));
            items.AddRange(await ScenariosAsync(balances, token).ConfigureAwait(false));
            items.Add(await CallbackAsync(callbackUrl, token).ConfigureAwait(false));
            items.Add(Tls());
            items.Add(KeyFile(keyFile));
            return items;
        }

        private async Task<IReadOnlyList<PayoutBalance>> SignedCallAndBalancesAsync(List<ReadinessItem> items, CancellationToken token)
        {
            try
            {
                var envelope = await _client.CheckCredentialsAsync(_log, token).ConfigureAwait(false);
                items.Add(new ReadinessItem("A signed call is accepted", ReadinessStatus.Pass, $"queryAcctCurrency answered {envelope.RespCode} for merchant {_client.Transport.MerchantNo} ({_signer.AlgorithmName})."));
                items.Add(Clock(envelope.ServerDate));
                var balances = await new AccountApi(_client.Transport).GetBalancesAsync(_log, token).ConfigureAwait(false);
                items.Add(balances.Count > 0
                    ? new ReadinessItem("Balances are readable", ReadinessStatus.Pass, $"{balances.Count} currency balance(s).")
                    : new ReadinessItem("Balances are readable", ReadinessStatus.Fail, "The service lists no currency.", "Ask the provider to open a balance in the currencies you pay from."));
                return balances;
            }
            catch (PayoutApiException ex)
            {
                items.Add(new ReadinessItem("A signed call is accepted", ReadinessStatus.Fail, ex.Message, "Check -MerchantId, the key and the environment, then Connect-PayoutEnvironment again."));
                return Array.Empty<PayoutBalance>();
            }
        }

        private ReadinessItem Clock(DateTimeOffset? serverDate)
        {
            if (serverDate == null)
            {
                return new ReadinessItem("The clock is right", ReadinessStatus.Skipped, "The service sent no Date header to compare with.");
            }

            var skew = _utcNow() - serverDate.Value.UtcDateTime;
            return skew.Duration() <= MaxClockSkew
                ? new ReadinessItem("The clock is right", ReadinessStatus.Pass, $"{skew.TotalSeconds:0} s from the service's clock.")
                : new ReadinessItem("The clock is right", ReadinessStatus.Fail, $"This machine is {skew.TotalSeconds:0} s off the service's clock.",
                    "Synchronise the clock (Windows: w32tm /resync; Linux: timedatectl set-ntp true): times in queries and the journal depend on it.");
        }

        /// <summary>A request signed with the wrong key must come back 13002, and be reported as an authentication error.</summary>
        private async Task<ReadinessItem> BadRequestRejectedAsync(CancellationToken token)
        {
            const string item = "A wrongly signed request is rejected (13002)";
            var wrong = new Sha256SecretSigner(Guid.NewGuid().ToString("N"));
            var request = RequestSigning.Sign(RequestFields.WithDefault(Array.Empty<RequestField>(), "merchantNo", _client.Transport.MerchantNo), wrong);
            var outcome = await _client.Transport.SendOnceAsync(PayoutClient.BalancesPath, request, 1, _log, token).ConfigureAwait(false);
            if (outcome.IsTransient)
            {
                return new ReadinessItem(item, ReadinessStatus.Fail, "No answer: " + outcome.Failure, "Check the connection to the service, then run the check again.");
            }

            var error = PayoutApiException.FromEnvelope(outcome.Envelope!, null);
            return outcome.Envelope!.RespCode == "13002" && error.Kind == PayoutErrorKind.Authentication
                ? new ReadinessItem(item, ReadinessStatus.Pass, "13002, reported as an authentication error.")
                : new ReadinessItem(item, ReadinessStatus.Fail, $"The service answered {outcome.Envelope.RespCode} ({outcome.Envelope.RespMsg}) to a wrong signature.",
                    "The service did not verify the signature: you may be connected to something that is not the Payout API (check -BaseUri).");
        }

        private async Task<List<ReadinessItem>> ScenariosAsync(IReadOnlyList<PayoutBalance> balances, CancellationToken token)
        {
            var names = new[] { "Pay an individual", "Pay a business", "Pay on behalf of a payer" };
            var items = new List<ReadinessItem>();
            if (_mayMoveRealMoney != null)
            {
                foreach (var name in names)
                {
                    items.Add(new ReadinessItem(name, ReadinessStatus.Skipped, $"Not run: {_mayMoveRealMoney}, and this check would pay. Run Test-PayoutReadiness against the Sandbox."));
                }

                return items;
            }

            var currency = Richest(balances);
            if (currency == null)
            {
                foreach (var name in names)
                {
                    items.Add(new ReadinessItem(name, ReadinessStatus.Fail, "No balance to pay from.", "Ask the provider to fund a sandbox balance."));
                }

                return items;
            }

            var run = Guid.NewGuid().ToString("N").Substring(0, 8);
            items.Add(await ScenarioAsync(names[0], Scenario($"READY-{run}-IND", currency, business: false, onBehalf: false), token).ConfigureAwait(false));
            items.Add(await ScenarioAsync(names[1], Scenario($"READY-{run}-BIZ", currency, business: true, onBehalf: false), token).ConfigureAwait(false));
            items.Add(await ScenarioAsync(names[2], Scenario($"READY-{run}-OBO", currency, business: false, onBehalf: true), token).ConfigureAwait(false));
            return items;
        }

        private async Task<ReadinessItem> ScenarioAsync(string name, RemittanceRequest request, CancellationToken token)
        {
            try
            {
                var payout = await _client.CreatePayoutAsync(request, _log, token).ConfigureAwait(false);
                return new ReadinessItem(name, ReadinessStatus.Pass, $"Payout {payout.PayoutId} ({request.RequestId}) accepted, status {payout.Status}.");
            }
            catch (Exception ex) when (ex is PayoutApiException || ex is PayoutRequestException)
            {
                return new ReadinessItem(name, ReadinessStatus.Fail, ex.Message, "Fix what the message names, then run the check again.");
            }
        }

        private static RemittanceRequest Scenario(string requestId, string currency, bool business, bool onBehalf)
        {
            var payee = new PayeeDetails { EntityType = business ? "0" : "1" };
            if (business)
            {
                payee.ReceiverInfo["companyName"] = "PayoutPS Readiness GmbH";
            }
            else
            {
                payee.ReceiverInfo["firstName"] = "Ready";
                payee.ReceiverInfo["lastName"] = "Check";
            }

            payee.Address["countryCode"] = "DE";
            payee.Address["city"] = "Berlin";
            payee.Address["addressLine1"] = "Teststrasse 1";
            payee.Account["cardNumber"] = "DE89370400440532013000";
            return new RemittanceRequest
            {
                RequestId = requestId, Payee = payee, SourceCurrency = currency, TargetCurrency = currency, Purpose = business ? "5" : "1",
                SendAmount = Money.Currencies.Exponent(currency) == 0 ? "100" : "1." + new string('0', Money.Currencies.Exponent(currency)),
                Reference = "PayoutPS readiness check",
                PayerDetail = onBehalf ? new Dictionary<string, object?> { ["companyName"] = "Readiness Platform Ltd", ["countryCode"] = "GB" } : null,
            };
        }

        private static string? Richest(IReadOnlyList<PayoutBalance> balances)
        {
            PayoutBalance? best = null;
            foreach (var balance in balances)
            {
                if ((balance.Available ?? balance.Balance) > 0 && (best == null || (balance.Available ?? balance.Balance) > (best.Available ?? best.Balance)))
                {
                    best = balance;
                }
            }

            return best?.Currency;
        }

        /// <summary>Posts a signed test notification to the callback URL: the receiver must answer 2xx.</summary>
        private async Task<ReadinessItem> CallbackAsync(Uri? callbackUrl, CancellationToken token)
        {
            const string item = "The callback URL answers a signed notification";
            if (callbackUrl == null)
            {
                return new ReadinessItem(item, ReadinessStatus.Skipped, "No -CallbackUrl given.", "Give the callback URL registered with the provider to test it.");
            }

            var fields = RequestFields.FromPairs(new Dictionary<string, object?>
            {
                ["merchantNo"] = _client.Transport.MerchantNo, ["payoutId"] = "0", ["requestId"] = "PAYOUTPS-READINESS-TEST", ["payoutStatus"] = "A",
                ["notifyTime"] = _utcNow().ToString(FieldValues.TimeFormat, System.Globalization.CultureInfo.InvariantCulture),
            });
            var body = RequestSigning.Sign(fields, _signer).Body;
            try
            {
                using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
                using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
                using (var response = await http.PostAsync(callbackUrl, content, token).ConfigureAwait(false))
                {
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status < 300)
                    {
                        return new ReadinessItem(item, ReadinessStatus.Pass, $"{callbackUrl} answered {status}.");
                    }

                    var rsaNote = _signer.Scheme == SignatureScheme.Rsa ? " (RSA merchants' notifications come signed with the provider's key, so a receiver that checks signatures refuses this test one: reaching it is what counts)" : string.Empty;
                    return new ReadinessItem(item, _signer.Scheme == SignatureScheme.Rsa && status < 500 ? ReadinessStatus.Pass : ReadinessStatus.Fail,
                        $"{callbackUrl} answered {status}{rsaNote}.",
                        "The receiver must answer 2xx to a valid notification, or the provider retries it for hours.");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException)
            {
                return new ReadinessItem(item, ReadinessStatus.Fail, $"{callbackUrl} did not answer: {ex.Message}",
                    "Start the receiver, open the firewall for the provider, and register this URL with the provider.");
            }
        }

        private ReadinessItem Tls()
        {
            const string item = "The connection is encrypted (TLS)";
            var uri = _client.Transport.Settings.BaseUri;
            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                return new ReadinessItem(item, ReadinessStatus.Pass, $"{uri.GetLeftPart(UriPartial.Authority)} over HTTPS.");
            }

            return Transport.Hosts.IsLoopback(uri)
                ? new ReadinessItem(item, ReadinessStatus.Skipped, $"{uri} is plain HTTP, not encrypted: fine for the local sandbox on this machine, where nothing crosses a network. Production needs https://.")
                : new ReadinessItem(item, ReadinessStatus.Fail, $"{uri} is plain HTTP over the network.", "Use the https:// base URL the provider gives.");
        }

        private static ReadinessItem KeyFile(string? path)
        {
            const string item = "The key is readable by this account only";
            if (path == null)
            {
                return new ReadinessItem(item, ReadinessStatus.Skipped, "The key did not come from a file (a parameter or an environment variable).",
                    "For unattended runs keep it in a file only the task's account can read, or in that account's environment.");
            }

            var mode = Keys.KeyFilePermissions.Mode(path);
            var problem = Keys.KeyFilePermissions.Problem(path);
            if (mode == null)
            {
                // Windows: the ACL, as far as this account can read it.
                return problem == null
                    ? new ReadinessItem(item, ReadinessStatus.Pass, $"{path}: its ACL grants Everyone, Users and Authenticated Users nothing.")
                    : new ReadinessItem(item, ReadinessStatus.Fail, problem, "Grant only the task's account (icacls).");
            }

            return problem == null
                ? new ReadinessItem(item, ReadinessStatus.Pass, $"{path} is mode {mode}.")
                : new ReadinessItem(item, ReadinessStatus.Fail, $"{path} is mode {mode}: other users can read the key.", $"chmod 600 '{path}'");
        }
    }
}
