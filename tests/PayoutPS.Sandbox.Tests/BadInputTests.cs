using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Hostile or careless input never yields a 500 or a crash; each gets a well-formed answer.</summary>
    public class BadInputTests : SandboxTestBase
    {
        private const string Path = "/api/v1/acct/queryAcctCurrency";

        [Theory]
        [InlineData("{not json", "not valid JSON")]
        [InlineData("", "body is empty")]
        [InlineData("[1,2]", "must be a JSON object")]
        [InlineData("{\"merchantNo\":800100,\"sign\":\"x\"}", "merchantNo must be a JSON string (got Number)")]
        [InlineData("{\"merchantNo\":\"800100\",\"merchantNo\":\"800100\"}", "merchantNo appears twice")]
        [InlineData("{\"merchantNo\":\"800100\"}", "sign is required")]
        [InlineData("{\"MerchantNo\":\"800100\"}", "merchantNo is required")]
        [InlineData("{\"merchantNo\":\"800100\",\"sign\":{\"a\":1}}", "sign must be a JSON string")]
        public async Task Malformed_bodies_get_13001(string body, string message)
        {
            var response = await Sandbox.PostRawAsync(Path, body);

            Assert.Equal(200, response.Status);
            Assert.Equal("13001", response.RespCode);
            Assert.Contains(message, response.RespMsg);
        }

        [Fact]
        public async Task Wrong_content_type_is_415()
        {
            var response = await Sandbox.PostRawAsync(Path, "{}", contentType: "text/plain");

            Assert.Equal(415, response.Status);
            Assert.Contains("Content-Type must be application/json", response.RespMsg);
        }

        [Fact]
        public async Task A_body_over_one_megabyte_is_413()
        {
            var response = await Sandbox.PostRawAsync(Path, "{\"a\":\"" + new string('x', 1024 * 1024) + "\"}");

            Assert.Equal(413, response.Status);
            Assert.Equal("13001", response.RespCode);
        }

        [Theory]
        [InlineData("/payout/api/v1/nothing")]
        [InlineData("/elsewhere")]
        public async Task Unknown_paths_are_404_with_an_envelope(string path)
        {
            using var response = await Sandbox.Http.PostAsync(new System.Uri(Sandbox.BaseUri, path), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(404, (int)response.StatusCode);
            Assert.Contains("Unknown path", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Get_on_an_endpoint_is_405()
        {
            using var response = await Sandbox.Http.GetAsync(Sandbox.BaseUri.AbsoluteUri + Path);

            Assert.Equal(405, (int)response.StatusCode);
        }

        [Fact]
        public async Task Garbage_in_parallel_never_breaks_the_server()
        {
            var bodies = new[] { "{", "null", "\"x\"", "{\"merchantNo\":[]}", "{\"merchantNo\":\"800100\",\"sign\":\"" + new string('a', 64) + "\"}", "\u0000\u0001" };
            var responses = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Sandbox.PostRawAsync(Path, bodies[i % bodies.Length])));

            Assert.All(responses, r => Assert.True(r.Status < 500, r.ToString()));
            Assert.Equal("20000", (await Sandbox.CallAsync(Path, new System.Collections.Generic.Dictionary<string, object?>())).RespCode);
        }

        [Theory]
        [InlineData(new byte[] { 0x7B, 0x22, 0x6D, 0x65, 0x72, 0x63, 0x68, 0x61, 0x6E, 0x74, 0x4E, 0x6F, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })] // {"merchantNo":"\xC3("}
        [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D })]
        public async Task Invalid_utf8_is_13001_not_a_500(byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await Sandbox.Http.PostAsync(Sandbox.BaseUri.AbsoluteUri + Path, content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(200, (int)response.StatusCode);
            Assert.Contains("\"respCode\":\"13001\"", text);
        }

        [Fact]
        public async Task An_escaped_lone_surrogate_is_13001_not_a_500()
        {
            var response = await Sandbox.PostRawAsync(Path, "{\"merchantNo\":\"800100\",\"x\":\"\\ud800\"}");

            Assert.Equal(200, response.Status);
            Assert.Equal("13001", response.RespCode);
            Assert.Contains("not valid UTF-8", response.RespMsg);
        }

        [Theory]
        [InlineData("clock", "{\"speed\":1e308}")]
        [InlineData("clock", "{\"advanceSeconds\":1e308}")]
        [InlineData("faults", "{\"kind\":\"delay\",\"count\":1,\"delayMs\":-5}")]
        [InlineData("faults", "{\"kind\":\"http429\",\"count\":1,\"retryAfter\":\"date:abc\"}")]
        [InlineData("rate-limit", "{\"requestsPerSecond\":1e308}")]
        public async Task Absurd_control_plane_input_is_400_and_the_server_lives_on(string path, string body)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await Sandbox.Http.PostAsync(new System.Uri(new System.Uri(Sandbox.BaseUri.GetLeftPart(System.UriPartial.Authority)), "/_sandbox/" + path), content);

            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("20000", (await Sandbox.CallAsync(Path, new System.Collections.Generic.Dictionary<string, object?>())).RespCode);
        }

        [Fact]
        public async Task Two_thousand_malformed_bodies_never_get_a_5xx()
        {
            // Seeded, so a failure repeats: random bytes, truncated and mutated real bodies, escapes and absurd numbers.
            var random = new System.Random(20261126);
            var valid = System.Text.Encoding.UTF8.GetBytes("{\"merchantNo\":\"800100\",\"requestId\":\"F-1\",\"sourceAmount\":\"1.00\",\"sign\":\"" + new string('a', 64) + "\"}");
            string[] pieces = { "\\ud800", "\\udfff", "\\u0000", "1e308", "-0", "null", "[]", "{}", "\"", "\\", "\u00ff", "\ufffd", new string('9', 400) };
            var failures = new System.Collections.Generic.List<string>();
            for (var i = 0; i < 2000; i++)
            {
                byte[] body;
                switch (i % 4)
                {
                    case 0:
                        body = new byte[random.Next(1, 200)];
                        random.NextBytes(body);
                        break;
                    case 1:
                        body = valid.Take(random.Next(1, valid.Length)).ToArray();
                        break;
                    case 2:
                        body = (byte[])valid.Clone();
                        for (var k = 0; k < 3; k++)
                        {
                            body[random.Next(body.Length)] = (byte)random.Next(256);
                        }

                        break;
                    default:
                        var text = System.Text.Encoding.UTF8.GetString(valid);
                        var at = random.Next(text.Length);
                        body = System.Text.Encoding.UTF8.GetBytes(text.Substring(0, at) + pieces[random.Next(pieces.Length)] + text.Substring(at));
                        break;
                }

                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await Sandbox.Http.PostAsync(Sandbox.BaseUri.AbsoluteUri + "/api/v2/txn/remittance", content);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} for {System.Convert.ToBase64String(body)}");
                }
            }

            Assert.Empty(failures);
        }
    }
}
