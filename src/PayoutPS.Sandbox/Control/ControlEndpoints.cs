using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PayoutPS.Sandbox.Faults;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Control
{
    /// <summary>
    /// The control plane under /_sandbox/: never signed, never mixed with the provider's paths. Tests use it
    /// to reset, move time, inject faults and read the whole state.
    /// </summary>
    internal static class ControlEndpoints
    {
        private const double MaxAdvanceSeconds = 10 * 365 * 86400.0;
        private const double MaxSpeed = 10_000;

        private static readonly JsonSerializerOptions ReadOptions = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };

        public static void Map(IEndpointRouteBuilder app, SandboxState state, FaultInjector faults, RateLimiter rateLimiter, SandboxClock clock, MerchantFactory merchants)
        {
            var control = app.MapGroup("/_sandbox");
            control.MapGet("/health", () => Results.Json(new { status = "ok" }));
            control.MapGet("/state", () => Results.Json(state.Snapshot()));
            control.MapPost("/reset", () =>
            {
                state.Reset();
                faults.Clear();
                rateLimiter.PerSecond = 0;
                return Results.Json(new { reset = true });
            });
            control.MapPost("/clock", async (HttpContext context) =>
            {
                var request = await ReadAsync<ClockRequest>(context);
                // Bounded, so a typo cannot push the clock past DateTime's range and take the process down.
                if (request == null || (request.AdvanceSeconds == null && request.Speed == null)
                    || !(request.AdvanceSeconds == null || (request.AdvanceSeconds >= -MaxAdvanceSeconds && request.AdvanceSeconds <= MaxAdvanceSeconds))
                    || !(request.Speed == null || (request.Speed >= 0 && request.Speed <= MaxSpeed)))
                {
                    return Problem($"Send {{\"advanceSeconds\": n}} (-{MaxAdvanceSeconds} to {MaxAdvanceSeconds}; negative moves it back) and/or {{\"speed\": x}} (0 to {MaxSpeed}).");
                }

                if (request.AdvanceSeconds != null)
                {
                    clock.Advance(TimeSpan.FromSeconds(request.AdvanceSeconds.Value));
                }

                if (request.Speed != null)
                {
                    clock.SetSpeed(request.Speed.Value);
                }

                state.Pump();
                return Results.Json(new { now = Views.Time(clock.UtcNow), speed = clock.Speed });
            });
            control.MapGet("/faults", () => Results.Json(faults.Rules()));
            control.MapGet("/held", () => Results.Json(new { held = faults.Held }));
            control.MapDelete("/faults", () =>
            {
                faults.Clear();
                return Results.Json(new { cleared = true });
            });
            control.MapPost("/faults", async (HttpContext context) =>
            {
                var rule = await ReadAsync<FaultRule>(context);
                var problem = rule == null ? "Send a fault rule as JSON." : rule.Problem();
                if (problem != null)
                {
                    return Problem(problem);
                }

                faults.Add(rule!);
                return Results.Json(rule);
            });
            control.MapPost("/reversals", async (HttpContext context) =>
            {
                var request = await ReadAsync<ReversalRequest>(context);
                var problem = state.Reverse(request?.PayoutId, request?.Kind, request?.Amount);
                return problem == null ? Results.Json(new { reversed = request!.PayoutId, kind = request.Kind }) : Problem(problem);
            });
            control.MapPost("/rate-limit", async (HttpContext context) =>
            {
                var request = await ReadAsync<RateLimitRequest>(context);
                if (request == null || !(request.RequestsPerSecond >= 0 && request.RequestsPerSecond <= 1_000_000))
                {
                    return Problem("Send {\"requestsPerSecond\": n}; 0 turns the limit off.");
                }

                rateLimiter.PerSecond = request.RequestsPerSecond;
                return Results.Json(new { requestsPerSecond = rateLimiter.PerSecond });
            });
            control.MapPost("/merchants", async (HttpContext context) =>
            {
                var config = await ReadAsync<MerchantConfig>(context);
                try
                {
                    state.AddMerchant(merchants.Build(config ?? new MerchantConfig()));
                    return Results.Json(new { merchantNo = config!.MerchantNo });
                }
                catch (ArgumentException ex)
                {
                    return Problem(ex.Message);
                }
            });
            control.MapGet("/notification", (HttpContext context) =>
            {
                var merchantNo = context.Request.Query["merchantNo"].ToString();
                var requestId = context.Request.Query["requestId"].ToString();
                var body = requestId.Length == 0 ? null : state.Notification(merchantNo.Length == 0 ? MerchantConfig.Default().MerchantNo : merchantNo, requestId);
                return body == null
                    ? Problem("Give ?requestId= of a payout of this sandbox (and &merchantNo= for a merchant other than the demo one).")
                    : Results.Text(body, "application/json");
            });
            control.MapGet("/provider-key", () => Results.Text(merchants.ProviderPublicKeyPem, "application/x-pem-file"));
        }

        private static async Task<T?> ReadAsync<T>(HttpContext context)
            where T : class
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ReadOptions);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static IResult Problem(string message) => Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: 400);

        private sealed class ClockRequest
        {
            public double? AdvanceSeconds { get; set; }

            public double? Speed { get; set; }
        }

        private sealed class ReversalRequest
        {
            public string? PayoutId { get; set; }

            public string? Kind { get; set; }

            public string? Amount { get; set; }
        }

        private sealed class RateLimitRequest
        {
            public double RequestsPerSecond { get; set; }
        }
    }
}
