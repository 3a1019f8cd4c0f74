using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PayoutPS.Sandbox.Api;

namespace PayoutPS.Sandbox.Faults
{
    /// <summary>Carries out an injected fault around the normal pipeline.</summary>
    internal static class FaultResponder
    {
        /// <summary>Set by a listDelay fault: the transaction list hides payouts created within this span.</summary>
        public const string ListDelayKey = "PayoutPS.Sandbox.ListDelay";

        public static async Task HandleAsync(HttpContext context, FaultRule fault, FaultInjector faults, Func<Task> pipeline)
        {
            switch (fault.Kind)
            {
                case "http500":
                    await ApiPipeline.WriteAsync(context, 500, ApiResult.Fail(RespCodes.SystemError, "Injected fault: HTTP 500."));
                    break;
                case "http503":
                    SetRetryAfter(context, fault.RetryAfter);
                    await ApiPipeline.WriteAsync(context, 503, ApiResult.Fail(RespCodes.SystemError, "Injected fault: HTTP 503."));
                    break;
                case "http429":
                    SetRetryAfter(context, fault.RetryAfter ?? "1");
                    await ApiPipeline.WriteAsync(context, 429, ApiResult.Fail("429", "Injected fault: too many requests."));
                    break;
                case "systemError":
                    await ApiPipeline.WriteAsync(context, 200, ApiResult.Fail(RespCodes.SystemError, "System error (injected); retry with the same requestId."));
                    break;
                case "reset":
                    context.Abort();
                    break;
                case "delay":
                    // Take the whole body first: the client may give up during the delay, and the request is
                    // still processed afterwards, as a slow server would.
                    faults.CountHeld(+1);
                    try
                    {
                        var body = new MemoryStream();
                        await context.Request.Body.CopyToAsync(body);
                        body.Position = 0;
                        context.Request.Body = body;
                        await Task.Delay(fault.DelayMs);
                        await pipeline();
                    }
                    finally
                    {
                        faults.CountHeld(-1);
                    }

                    break;
                case "successOther":
                    // A caching proxy: the request is processed and committed, but the answer is the one this rule
                    // passed on before (another request's payout). The first hit passes its own answer on and is cached.
                    var own = await CaptureAsync(context, pipeline);
                    var cached = fault.CachedAnswer;
                    fault.CachedAnswer = own;
                    await WriteRawAsync(context, cached ?? own, cached?.Length ?? own.Length);
                    break;
                case "truncateAfterCommit":
                    // Committed, then an HTTP 200 whose JSON stops halfway (a gateway cutting the body short).
                    var whole = await CaptureAsync(context, pipeline);
                    await WriteRawAsync(context, whole, whole.Length / 2);
                    break;
                case "successNoData":
                    await CaptureAsync(context, pipeline);
                    var bare = System.Text.Encoding.UTF8.GetBytes("{\"respCode\":\"20000\",\"respMsg\":\"Success\"}");
                    await WriteRawAsync(context, bare, bare.Length);
                    break;
                case "listDelay":
                    context.Items[ListDelayKey] = TimeSpan.FromMilliseconds(fault.DelayMs);
                    await pipeline();
                    break;
                case "commitThenDrop":
                    // The request is processed and committed, but the answer never leaves: the client is in doubt.
                    context.Response.Body = Stream.Null;
                    await pipeline();
                    context.Abort();
                    break;
            }
        }

        /// <summary>Runs the normal pipeline (its effects are committed) and returns its answer instead of sending it.</summary>
        private static async Task<byte[]> CaptureAsync(HttpContext context, Func<Task> pipeline)
        {
            var real = context.Response.Body;
            using (var captured = new MemoryStream())
            {
                context.Response.Body = captured;
                try
                {
                    await pipeline();
                }
                finally
                {
                    context.Response.Body = real;
                }

                return captured.ToArray();
            }
        }

        private static async Task WriteRawAsync(HttpContext context, byte[] body, int length)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = length;
            await context.Response.Body.WriteAsync(body, 0, length);
        }

        private static void SetRetryAfter(HttpContext context, string? retryAfter)
        {
            if (string.IsNullOrEmpty(retryAfter))
            {
                return;
            }

            context.Response.Headers.RetryAfter = retryAfter.StartsWith("date:", StringComparison.Ordinal)
                ? DateTime.UtcNow.AddSeconds(double.Parse(retryAfter.Substring(5), CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture)
                : retryAfter;
        }
    }
}
