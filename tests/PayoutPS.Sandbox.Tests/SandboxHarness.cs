using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PayoutPS.Core.Signing;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>
    /// A real sandbox on a free loopback port for one test class, and a client that signs like the module
    /// does. Tests talk to it only over HTTP.
    /// </summary>
    public sealed class SandboxHarness : IAsyncDisposable
    {
        public const string MerchantNo = "800100";
        public const string Secret = "5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f";

        private readonly SandboxServer _server;

        private SandboxHarness(SandboxServer server)
        {
            _server = server;
            Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        }

        public HttpClient Http { get; }

        public Uri BaseUri => _server.BaseUri;

        public static async Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null)
        {
            var options = new SandboxOptions { Port = 0, PayeeReviewSeconds = 10, StatusStepSeconds = 10, CallbackRetrySeconds = new[] { 0.2, 0.4 } };
            configure?.Invoke(options);
            return new SandboxHarness(await SandboxServer.StartAsync(options));
        }

        /// <summary>Signs the fields (merchantNo added) with the default merchant's secret and POSTs them.</summary>
        public Task<ApiResponse> CallAsync(string path, IDictionary<string, object?> fields, RequestSigner? signer = null, HttpClient? client = null)
        {
            var all = new Dictionary<string, object?>(fields);
            all.TryAdd("merchantNo", MerchantNo);
            var signed = RequestSigning.Sign(RequestFields.FromPairs(all), signer ?? new Sha256SecretSigner(Secret));
            return PostRawAsync(path, signed.Body, client);
        }

        public async Task<ApiResponse> PostRawAsync(string path, string body, HttpClient? client = null, string contentType = "application/json")
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            using var response = await (client ?? Http).PostAsync(BaseUri.AbsoluteUri + path, content);
            return new ApiResponse(response, await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonElement> ControlAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(_server.RootUri, "_sandbox/" + path));
            if (body != null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            }

            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public Task<JsonElement> AdvanceAsync(double seconds) => ControlAsync(HttpMethod.Post, "clock", new { advanceSeconds = seconds });

        public Task<JsonElement> StateAsync() => ControlAsync(HttpMethod.Get, "state");

        public Task<JsonElement> FaultAsync(object rule) => ControlAsync(HttpMethod.Post, "faults", rule);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _server.DisposeAsync();
        }
    }

    public sealed class ApiResponse
    {
        public ApiResponse(HttpResponseMessage response, string body)
        {
            Status = (int)response.StatusCode;
            Headers = response.Headers;
            Body = body;
            try
            {
                Json = JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException)
            {
                Json = default;
            }
        }

        public int Status { get; }

        public System.Net.Http.Headers.HttpResponseHeaders Headers { get; }

        public string Body { get; }

        public JsonElement Json { get; }

        public string RespCode => Json.GetProperty("respCode").GetString()!;

        public string RespMsg => Json.GetProperty("respMsg").GetString()!;

        public JsonElement Data => Json.GetProperty("data");

        public string DataString(string name) => Data.GetProperty(name).GetString()!;

        public override string ToString() => $"HTTP {Status} {Body}";
    }

    /// <summary>Well-formed requests for each endpoint, so a test changes only what it is about.</summary>
    public static class Requests
    {
        public static Dictionary<string, object?> InlineRemittance(string requestId, string? reference = null) => new Dictionary<string, object?>
        {
            ["bankCountry"] = "DE",
            ["payoutCurrency"] = "EUR",
            ["entityType"] = "1",
            ["paymentMethod"] = "BANK_TRANSFER",
            ["receiverInfo"] = "{\"firstName\":\"Anna\",\"lastName\":\"Müller\"}",
            ["address"] = "{\"countryCode\":\"DE\",\"city\":\"Berlin\",\"addressLine1\":\"Unter den Linden 1\"}",
            ["accountInfomation"] = "{\"cardNumber\":\"DE89370400440532013000\"}",
            ["sourceCurrency"] = "USD",
            ["sourceAmount"] = "100.00",
            ["targetCurrency"] = "EUR",
            ["requestId"] = requestId,
            ["transactionPurpose"] = "1",
            ["chargeFlag"] = "N",
            ["reference"] = reference,
        };

        public static Dictionary<string, object?> Payee(string cardNumber, string lastName = "Müller") => new Dictionary<string, object?>
        {
            ["bankCountry"] = "DE",
            ["payoutCurrency"] = "EUR",
            ["entityType"] = "1",
            ["paymentMethod"] = "BANK_TRANSFER",
            ["receiverInfo"] = "{\"firstName\":\"Anna\",\"lastName\":\"" + lastName + "\"}",
            ["address"] = "{\"countryCode\":\"DE\",\"city\":\"Berlin\",\"addressLine1\":\"Unter den Linden 1\"}",
            ["accountInfomation"] = "{\"cardNumber\":\"" + cardNumber + "\"}",
        };

        public static Dictionary<string, object?> TxnList(string? requestId = null) => new Dictionary<string, object?>
        {
            ["requestId"] = requestId,
            ["createTimeStartTime"] = "2000-01-01 00:00:00",
            ["createTimeEndTime"] = "2100-01-01 00:00:00",
            ["size"] = "10",
            ["current"] = "1",
        };
    }
}
