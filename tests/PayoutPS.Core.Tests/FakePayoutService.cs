using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// A fake HTTP edge that makes payouts: each remittance gets a payout echoing its requestId and amounts (once per
    /// requestId; a second ask answers 13003 with the first), in the status <see cref="StatusOf"/> gives. With
    /// <see cref="Hold"/> set, answers wait until it is released, so a test can stop a run with requests out.
    /// The client, transport, batch and journal over it are the real ones.
    /// </summary>
    internal sealed class FakePayoutService : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, string> _payouts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private int _next;

        /// <summary>Each payout's status by requestId (A, paid, unless said otherwise).</summary>
        public Func<string, string> StatusOf { get; set; } = _ => "A";

        /// <summary>When set, every remittance's answer waits for it (and counts itself in <see cref="Arrived"/> first).</summary>
        public ManualResetEventSlim? Hold { get; set; }

        /// <summary>Remittances that reached the service, answered or not.</summary>
        public ConcurrentQueue<string> Arrived { get; } = new ConcurrentQueue<string>();

        /// <summary>Payouts made, by requestId: what the service holds, the judge of every test.</summary>
        public ConcurrentDictionary<string, string> Payouts => _payouts;

        public Payouts.PayoutClient Client() => ScriptedHandler.ClientOver(this);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/remittance", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The fake service makes payouts only; the client asked for {request.RequestUri.AbsolutePath}.");
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            using var json = JsonDocument.Parse(body);
            var requestId = json.RootElement.GetProperty("requestId").GetString()!;
            Arrived.Enqueue(requestId);
            if (Hold is ManualResetEventSlim hold)
            {
                // Waited off the caller's thread: the batch may call in on its journal's flush thread, which must go on.
                await Task.Run(() => hold.Wait(TimeSpan.FromSeconds(60)), cancellationToken);
            }

            var isNew = false;
            var root = json.RootElement.Clone();
            var made = _payouts.GetOrAdd(requestId, id =>
            {
                isNew = true;
                return Payout(id, root);
            });
            var code = isNew ? "20000" : "13003";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"respCode\":\"" + code + "\",\"respMsg\":\"Success\",\"data\":" + made + "}", Encoding.UTF8, "application/json"),
            };
        }

        private string Payout(string requestId, JsonElement body)
        {
            var payoutId = "17740000000" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            string Field(string name) => body.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
            return JsonSerializer.Serialize(new
            {
                payoutId, requestId, payoutStatus = StatusOf(requestId), sourceAmount = Field("sourceAmount"), sourceCurrency = Field("sourceCurrency"),
                targetAmount = "91.08", targetCurrency = Field("targetCurrency"), fee = "1.00", createTime = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }
}
