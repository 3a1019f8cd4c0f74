using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayoutPS.Sandbox.Api;
using PayoutPS.Sandbox.Control;
using PayoutPS.Sandbox.Engine;
using PayoutPS.Sandbox.Faults;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox
{
    /// <summary>The emulator as an object: started by Program and, in-process, by the xUnit tests.</summary>
    public sealed class SandboxServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private SandboxServer(WebApplication app, Uri root)
        {
            _app = app;
            RootUri = root;
        }

        /// <summary>http://127.0.0.1:port/</summary>
        public Uri RootUri { get; }

        /// <summary>The provider base URL: http://127.0.0.1:port/payout</summary>
        public Uri BaseUri => new Uri(RootUri, "payout");

        public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.Limits.MaxRequestBodySize = null; // the pipeline enforces MaxBodyBytes with a clear answer
                kestrel.AddServerHeader = false;
            });

            var clock = new SandboxClock(options.ClockStart, options.ClockSpeed);
            var merchants = new MerchantFactory(options);
            var state = new SandboxState(options, clock, merchants.BuildConfigured) { CallbackSigner = merchants.SignCallback };
            var faults = new FaultInjector();
            var rateLimiter = new RateLimiter(options.RateLimitPerSecond);
            var pipeline = new ApiPipeline(state, rateLimiter, options.MaxBodyBytes);
            builder.Services.AddSingleton(state);
            builder.Services.AddHostedService<SandboxWorker>();

            var app = builder.Build();

            // Before routing: Kestrel decodes and collapses "%2e%2e" and "..", so /payout/%2e%2e/_sandbox/reset
            // would reach the control plane. A target with dot segments or an encoded dot or slash is refused.
            app.Use(async (context, next) =>
            {
                var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty;
                var path = target.Split('?')[0];
                if (path.IndexOf("%2e", StringComparison.OrdinalIgnoreCase) >= 0 || path.IndexOf("%2f", StringComparison.OrdinalIgnoreCase) >= 0
                    || path.IndexOf("%5c", StringComparison.OrdinalIgnoreCase) >= 0 || path.Contains("/../") || path.Contains("/./") || path.EndsWith("/..", StringComparison.Ordinal)
                    || path.EndsWith("/.", StringComparison.Ordinal) || path.Contains("\\"))
                {
                    await ApiPipeline.WriteAsync(context, 400, ApiResult.Fail("400", "The request path has dot segments or encoded separators; give the path as it is."));
                    return;
                }

                await next(context);
            });
            ControlEndpoints.Map(app, state, faults, rateLimiter, clock, merchants);
            app.Map("/payout", provider => provider.Run(context => HandleProviderAsync(context, pipeline, faults, clock)));
            app.MapFallback(context => ApiPipeline.WriteAsync(context, 404, ApiResult.Fail("404", $"Unknown path {context.Request.Path}; the API lives under /payout.")));

            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var root = new Uri(new Uri(System.Linq.Enumerable.First(address).Replace("[::1]", "127.0.0.1")), "/");
            return new SandboxServer(app, root);
        }

        private static async Task HandleProviderAsync(HttpContext context, ApiPipeline pipeline, FaultInjector faults, SandboxClock clock)
        {
            var path = context.Request.Path.Value ?? string.Empty;

            // The Date header tells the sandbox's time, as a real service's tells its own: a clock moved on the
            // control plane is then a service whose clock is off from the client's.
            context.Response.Headers.Date = clock.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                var fault = faults.Next(path);
                if (fault == null)
                {
                    await pipeline.HandleAsync(context, path);
                }
                else
                {
                    await FaultResponder.HandleAsync(context, fault, faults, () => pipeline.HandleAsync(context, path));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is OperationCanceledException || ex is Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                // The client went away (timeout, or an injected fault): nothing left to answer.
            }
        }

        public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
