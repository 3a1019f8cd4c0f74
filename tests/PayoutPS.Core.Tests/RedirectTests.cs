using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayoutPS.Core.Api;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;
using PayoutPS.Core.Transport;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>The real HTTP handler on loopback: a redirect never carries a signed payout to another address.</summary>
    public class RedirectTests
    {
        [Theory]
        [InlineData(307)]
        [InlineData(308)]
        [InlineData(302)]
        public async Task A_redirect_is_reported_and_never_followed(int status)
        {
            using var elsewhere = new CountingServer(_ => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            using var service = new CountingServer(_ =>
                $"HTTP/1.1 {status} Moved\r\nLocation: http://127.0.0.1:{elsewhere.Port}/payout/api/v2/txn/remittance\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            using var transport = new PayoutTransport(
                new TransportSettings { BaseUri = new Uri($"http://127.0.0.1:{service.Port}/payout"), MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) },
                new Sha256SecretSigner("0123456789abcdef0123456789abcdef"),
                "800100");
            var request = new RemittanceRequest { RequestId = "R-1", BeneficiaryId = "1775000000000000001", SourceCurrency = "USD", TargetCurrency = "EUR", SendAmount = "100.00", Purpose = "PersonalRemittance" };

            var error = await Assert.ThrowsAsync<PayoutApiException>(() => new PayoutClient(transport).CreatePayoutAsync(request, NullPayoutLog.Instance, CancellationToken.None));

            Assert.Contains("check the base URL", error.Message);
            Assert.True(service.Requests >= 1);
            Assert.Equal(0, elsewhere.Requests);
        }

        /// <summary>A minimal HTTP/1.1 server: reads one request per connection, answers, counts.</summary>
        private sealed class CountingServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Func<string, string> _answer;
            private int _requests;

            public CountingServer(Func<string, string> answer)
            {
                _answer = answer;
                _listener.Start();
                _ = Task.Run(AcceptLoop);
            }

            public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

            public int Requests => Volatile.Read(ref _requests);

            private async Task AcceptLoop()
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException)
                    {
                        return;
                    }

                    using (client)
                    {
                        var stream = client.GetStream();
                        var head = await ReadHead(stream).ConfigureAwait(false);
                        Interlocked.Increment(ref _requests);
                        var bytes = Encoding.ASCII.GetBytes(_answer(head));
                        await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                    }
                }
            }

            private static async Task<string> ReadHead(Stream stream)
            {
                var text = new StringBuilder();
                var buffer = new byte[4096];
                while (!text.ToString().Contains("\r\n\r\n"))
                {
                    var read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                // Read the body too, so the answer never races a half-sent request.
                var head = text.ToString();
                var match = System.Text.RegularExpressions.Regex.Match(head, @"Content-Length:\s*(\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                var bodyStart = head.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
                var missing = (match.Success ? int.Parse(match.Groups[1].Value) : 0) - (Encoding.ASCII.GetByteCount(head) - bodyStart);
                while (missing > 0)
                {
                    var read = await stream.ReadAsync(buffer, 0, Math.Min(buffer.Length, missing)).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    missing -= read;
                }

                return head;
            }

            public void Dispose() => _listener.Stop();
        }
    }
}
