using System;
using System.Text.Json;

namespace PayoutPS.Core.Api
{
    /// <summary>A response: { respCode, respMsg, data } plus the HTTP status and the raw text (spec §1).</summary>
    public sealed class ApiEnvelope
    {
        public const string Success = "20000";

        private ApiEnvelope(int httpStatus, string? respCode, string? respMsg, JsonElement? data, string raw)
        {
            HttpStatus = httpStatus;
            RespCode = respCode;
            RespMsg = respMsg;
            Data = data;
            Raw = raw;
        }

        public int HttpStatus { get; }

        public string? RespCode { get; }

        public string? RespMsg { get; }

        /// <summary>A detached copy of <c>data</c>, or null.</summary>
        public JsonElement? Data { get; }

        public string Raw { get; }

        /// <summary>The service's clock (the HTTP Date header), when it sent one.</summary>
        public System.DateTimeOffset? ServerDate { get; internal set; }

        public bool IsSuccess => RespCode == Success;

        /// <summary>Parses leniently: a body that is not an envelope keeps its raw text and has no respCode.</summary>
        public static ApiEnvelope Parse(int httpStatus, string raw)
        {
            try
            {
                using (var document = JsonDocument.Parse(raw))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        return new ApiEnvelope(httpStatus, null, null, null, raw);
                    }

                    return new ApiEnvelope(
                        httpStatus,
                        Text(root, "respCode"),
                        Text(root, "respMsg"),
                        root.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.Clone() : (JsonElement?)null,
                        raw);
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // Not JSON, or JSON no client can read (a lone surrogate in respMsg): not an answer at all.
                return new ApiEnvelope(httpStatus, null, null, null, raw);
            }
        }

        /// <summary>A property as text whatever its JSON type (the real service may send numbers).</summary>
        public static string? Text(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                default:
                    return value.GetRawText();
            }
        }
    }
}
