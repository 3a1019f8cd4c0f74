using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayoutPS.Core.Keys;
using PayoutPS.Core.Signing;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Signed status notifications, retried with growing delays until a 2xx, every attempt recorded.</summary>
    public class CallbackTests : IAsyncLifetime
    {
        private readonly ConcurrentQueue<string> _received = new ConcurrentQueue<string>();
        private WebApplication _receiver = null!;
        private SandboxHarness _sandbox = null!;
        private int _failuresLeft = 2;

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _receiver = builder.Build();
            _receiver.MapPost("/hook", async (HttpContext context) =>
            {
                var body = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync();
                _received.Enqueue(body);
                return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(503) : Results.Ok();
            });
            await _receiver.StartAsync();
            var hook = _receiver.Urls.First() + "/hook";
            _sandbox = await SandboxHarness.StartAsync(o => o.CallbackUrl = hook);
        }

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            await _receiver.DisposeAsync();
        }

        [Fact]
        public async Task Each_status_change_is_notified_signed_and_retried_until_acknowledged()
        {
            await _sandbox.CallAsync("/api/v2/txn/remittance", Requests.InlineRemittance("CB-1"));
            await _sandbox.AdvanceAsync(50);

            var delivered = await WaitFor(async () =>
            {
                var callbacks = (await _sandbox.StateAsync()).GetProperty("callbacks").EnumerateArray().ToList();
                return callbacks.Count == 5 && callbacks.All(c => c.GetProperty("delivered").GetBoolean()) ? callbacks : null;
            });

            Assert.NotNull(delivered);
            Assert.Equal(new[] { "A", "B", "R", "P", "S" }, delivered!.Select(c => c.GetProperty("payoutStatus").GetString()));
            Assert.Equal(7, delivered.Sum(c => c.GetProperty("attempts").GetArrayLength()));   // two refused with 503, then each once
            Assert.Contains(delivered, c => c.GetProperty("attempts")[0].GetProperty("httpStatus").GetInt32() == 503);

            var verifier = KeyLoader.LoadVerifier(SandboxHarness.Secret);
            Assert.All(_received, body => Assert.True(SignatureCheck.Verify(body, verifier).IsValid, body));
            Assert.Contains(_received, body => body.Contains("\"payoutStatus\":\"S\"") && body.Contains("\"requestId\":\"CB-1\""));
        }

        private static async Task<T?> WaitFor<T>(System.Func<Task<T?>> probe)
            where T : class
        {
            for (var i = 0; i < 100; i++)
            {
                var result = await probe();
                if (result != null)
                {
                    return result;
                }

                await Task.Delay(100);
            }

            return null;
        }
    }
}
