using System;
using System.Text;
using System.Text.Json;

namespace PayoutPS.Core.Api
{
    /// <summary>A response: { respCode, respMsg, data } plus the HTTP status and the raw text (spec §1).</summary>
    public sealed class ApiEnvelope
    {
        public const string Success = "20000";

        private readonly byte[] _body;

        private ApiEnvelope(int httpStatus, string? respCode, string? respMsg, JsonElement? data, byte[] body)
        {
            HttpStatus = httpStatus;
            RespCode = respCode;
            RespMsg = respMsg;
            Data = data;
            _body = body;
        }

        public int HttpStatus { get; }

        public string? RespCode { get; }

        public string? RespMsg { get; }

        /// <summary>A detached copy of <c>data</c>, or null.</summary>
        public JsonElement? Data { get; }

        /// <summary>The body as text, decoded when asked (a page of 100 payouts as one string lands on the large object heap).</summary>
        public string Raw => Encoding.UTF8.GetString(_body);

        /// <summary>The service's clock (the HTTP Date header), when it sent one.</summary>
        public System.DateTimeOffset? ServerDate { get; internal set; }

        public bool IsSuccess => RespCode == Success;

        /// <summary>Parses leniently: a body that is not an envelope keeps its raw text and has no respCode.</summary>
        public static ApiEnvelope Parse(int httpStatus, string raw) => Parse(httpStatus, Encoding.UTF8.GetBytes(raw));

        /// <summary>Parses the UTF-8 body as received, without first making it one string.</summary>
        public static ApiEnvelope Parse(int httpStatus, byte[] body)
        {
            var json = new ReadOnlyMemory<byte>(body);
            if (json.Span.StartsWith(Utf8Bom))
            {
                json = json.Slice(Utf8Bom.Length);
            }

            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        return new ApiEnvelope(httpStatus, null, null, null, body);
                    }

                    return new ApiEnvelope(
                        httpStatus,
                        Text(root, "respCode"),
                        Text(root, "respMsg"),
                        root.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.Clone() : (JsonElement?)null,
                        body);
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // Not JSON, or JSON no client can read (a lone surrogate in respMsg): not an answer at all.
                return new ApiEnvelope(httpStatus, null, null, null, body);
            }
        }

        private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

        /// <summary>A property as text whatever its JSON type (the real service may send numbers).</summary>
        public static string? Text(JsonElement element, string name)
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Text(value) : null;
        }

        /// <summary>A value as text whatever its JSON type; null for JSON null.</summary>
        public static string? Text(JsonElement value)
        {
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
