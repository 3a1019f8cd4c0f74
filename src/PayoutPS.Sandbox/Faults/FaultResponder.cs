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
        public static async Task HandleAsync(HttpContext context, FaultRule fault, Func<Task> pipeline)
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
                    var body = new MemoryStream();
                    await context.Request.Body.CopyToAsync(body);
                    body.Position = 0;
                    context.Request.Body = body;
                    await Task.Delay(fault.DelayMs);
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
