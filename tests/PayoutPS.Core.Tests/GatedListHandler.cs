using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PayoutPS.Core.Tests
{
    /// <summary>
    /// A transaction list of <c>total</c> payouts whose pages after the first are answered only once <c>limit</c> of
    /// them are in flight together (or after a generous deadline, which the test then reports): it proves how many
    /// pages a listing asks for at once without depending on timing. Records how many were ever in flight.
    /// </summary>
    internal sealed class GatedListHandler : HttpMessageHandler
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
        private readonly int _total;
        private readonly int _limit;
        private readonly ConcurrentDictionary<int, (TaskCompletionSource<bool> Gate, int[] Arrived)> _groups = new ConcurrentDictionary<int, (TaskCompletionSource<bool>, int[])>();
        private int _inFlight;
        private int _mostInFlight;

        public GatedListHandler(int total, int limit)
        {
            _total = total;
            _limit = limit;
        }

        public ConcurrentBag<int> Asked { get; } = new ConcurrentBag<int>();

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public bool GaveUpWaiting { get; private set; }

        public PayoutPS.Core.Payouts.PayoutClient Client() => ScriptedHandler.ClientOver(this);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var current = int.Parse(JsonDocument.Parse(body).RootElement.GetProperty("current").GetString()!);
            Asked.Add(current);
            var pages = (_total + 99) / 100;
            if (current > 1 && current <= pages) // past the end: the listing reads on one page at a time for late arrivals
            {
                var now = Interlocked.Increment(ref _inFlight);
                int most;
                while (now > (most = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, now, most) != most)
                {
                }

                // Pages 2.. come in groups of the limit (the last may be smaller); a group is answered when all of it has arrived.
                var index = (current - 2) / _limit;
                var size = Math.Min(_limit, pages - (2 + index * _limit) + 1);
                var group = _groups.GetOrAdd(index, _ => (new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), new int[1]));
                if (Interlocked.Increment(ref group.Arrived[0]) == size)
                {
                    group.Gate.SetResult(true);
                }

                if (await Task.WhenAny(group.Gate.Task, Task.Delay(Deadline, cancellationToken)) != group.Gate.Task)
                {
                    GaveUpWaiting = true;
                }

                Interlocked.Decrement(ref _inFlight);
            }

            var records = Enumerable.Range((current - 1) * 100 + 1, Math.Max(0, Math.Min(100, _total - (current - 1) * 100))).Select(i =>
                "{\"payoutId\":\"" + i + "\",\"requestId\":\"R-" + i + "\",\"sourceAmount\":\"1.00\",\"sourceCurrency\":\"USD\",\"targetCurrency\":\"EUR\",\"beneficiaryId\":\"" + i + "\"}");
            var json = "{\"respCode\":\"20000\",\"data\":{\"records\":[" + string.Join(",", records) + "],\"total\":\"" + _total + "\"}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
