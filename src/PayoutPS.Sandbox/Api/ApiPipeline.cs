using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PayoutPS.Sandbox.Signing;
using PayoutPS.Sandbox.Faults;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Api
{
    /// <summary>
    /// What every provider request goes through: content type, size, JSON shape, merchant, rate limit,
    /// signature, then the handler. Every outcome is a well-formed envelope; nothing reaches a 500.
    /// </summary>
    internal sealed class ApiPipeline
    {
        public static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly SandboxState _state;
        private readonly RateLimiter _rateLimiter;
        private readonly long _maxBodyBytes;

        public ApiPipeline(SandboxState state, RateLimiter rateLimiter, long maxBodyBytes)
        {
            _state = state;
            _rateLimiter = rateLimiter;
            _maxBodyBytes = maxBodyBytes;
        }

        public async Task HandleAsync(HttpContext context, string path)
        {
            if (!Endpoints.ByPath.TryGetValue(path, out var handler))
            {
                await WriteAsync(context, 404, ApiResult.Fail("404", $"Unknown path /payout{path}."));
                return;
            }

            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.Headers.Allow = "POST";
                await WriteAsync(context, 405, ApiResult.Fail("405", "Use POST."));
                return;
            }

            var contentType = context.Request.ContentType ?? string.Empty;
            if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                await WriteAsync(context, 415, ApiResult.Invalid($"Content-Type must be application/json, not '{contentType}'."));
                return;
            }

            var body = await ReadBodyAsync(context.Request);
            if (body == null)
            {
                await WriteAsync(context, 413, ApiResult.Invalid($"The body is larger than {_maxBodyBytes} bytes."));
                return;
            }

            var hide = context.Items.TryGetValue(Faults.FaultResponder.ListDelayKey, out var delay) ? (TimeSpan?)delay : null;
            var result = Process(body, handler, hide, out var status);
            await WriteAsync(context, status, result);
        }

        private ApiResult Process(byte[] body, Func<ApiRequest, SandboxState, ApiResult> handler, TimeSpan? listHides, out int status)
        {
            status = 200;
            var fields = ParseFields(body, out var problem);
            if (fields == null)
            {
                return ApiResult.Invalid(problem!);
            }

            if (!fields.TryGetValue("merchantNo", out var merchantNo) || merchantNo.Length == 0)
            {
                return ApiResult.Invalid("merchantNo is required.");
            }

            var merchant = _state.FindMerchant(merchantNo);
            if (merchant == null || merchant.Config.Disabled)
            {
                return ApiResult.Fail(RespCodes.MerchantUnknown, $"Merchant {merchantNo} is unknown or disabled.");
            }

            if (!_rateLimiter.TryAcquire(merchantNo))
            {
                status = 429;
                return ApiResult.Fail("429", "Too many requests; retry after the Retry-After delay.");
            }

            if (!fields.TryGetValue("sign", out var sign) || sign.Length == 0)
            {
                return ApiResult.Invalid("sign is required.");
            }

            var signProblem = CheckSignature(merchant, fields, sign);
            if (signProblem != null)
            {
                return ApiResult.Fail(RespCodes.SignatureFailed, signProblem);
            }

            try
            {
                _state.Pump();
                return handler(new ApiRequest(merchant, fields) { ListHidesNewerThan = listHides }, _state);
            }
            catch (FieldException ex)
            {
                return ApiResult.Invalid(ex.Message);
            }
        }

        private static string? CheckSignature(Merchant merchant, Dictionary<string, string> fields, string sign)
        {
            // The sign's shape says the scheme: 64 hex characters for SHA-256, base64 for RSA.
            var canonical = SandboxSignature.Canonical(fields!);
            if (SandboxSignature.LooksSha256(sign))
            {
                if (merchant.Secret == null)
                {
                    return $"Signature verification failed: the sign is a SHA-256 digest but merchant {merchant.MerchantNo} signs with RSA.";
                }

                return SandboxSignature.VerifySecret(canonical, sign, merchant.Secret) ? null : "Signature verification failed.";
            }

            if (merchant.RsaKey == null)
            {
                return $"Signature verification failed: the sign is not a 64-hex SHA-256 digest, and merchant {merchant.MerchantNo} has no RSA key.";
            }

            return SandboxSignature.VerifyRsa(canonical, sign, merchant.RsaKey) ? null : "Signature verification failed.";
        }

        /// <summary>Top-level values must be JSON strings (or null): numbers are ambiguous to sign (spec §2.1).</summary>
        private static Dictionary<string, string>? ParseFields(byte[] body, out string? problem)
        {
            problem = null;
            if (body.Length == 0)
            {
                problem = "The body is empty; send a JSON object.";
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problem = "The body must be a JSON object.";
                    return null;
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            if (!fields.TryAdd(property.Name, property.Value.GetString()!))
                            {
                                problem = $"{property.Name} appears twice.";
                                return null;
                            }

                            break;
                        case JsonValueKind.Null:
                            break;
                        default:
                            problem = $"{property.Name} must be a JSON string (got {property.Value.ValueKind}); send amounts, ids and nested objects as strings.";
                            return null;
                    }
                }

                return fields;
            }
            catch (JsonException ex)
            {
                problem = $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}).";
                return null;
            }
            catch (InvalidOperationException)
            {
                // GetString() refuses invalid UTF-8 bytes and escaped lone surrogates (\ud800): a bad request, not a crash.
                problem = "The body holds text that is not valid UTF-8 (invalid bytes or an escaped lone surrogate); send UTF-8 text.";
                return null;
            }
        }

        private async Task<byte[]?> ReadBodyAsync(HttpRequest request)
        {
            if (request.ContentLength > _maxBodyBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = await request.Body.ReadAsync(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _maxBodyBytes)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }

        public static async Task WriteAsync(HttpContext context, int status, ApiResult result)
        {
            context.Response.StatusCode = status;
            if (status == 429 && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                context.Response.Headers.RetryAfter = "1";
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            var envelope = new Dictionary<string, object?> { ["respCode"] = result.RespCode, ["respMsg"] = result.RespMsg, ["data"] = result.Data };
            // UTF-8 bytes straight from the serializer: a page of 100 payouts as one string would be a large-object-heap
            // allocation per request, and then encoded again.
            var body = JsonSerializer.SerializeToUtf8Bytes(envelope, JsonOptions);
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }
    }
}
