using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using PayoutPS.Sandbox.Model;
using PayoutPS.Sandbox.State;

namespace PayoutPS.Sandbox.Engine
{
    /// <summary>Moves time-driven state forward and delivers callbacks, several times a second.</summary>
    internal sealed class SandboxWorker : BackgroundService
    {
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
        private readonly SandboxState _state;
        private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        public SandboxWorker(SandboxState state)
        {
            _state = state;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                _state.Pump();
                foreach (var delivery in _state.TakeDueCallbacks())
                {
                    _ = DeliverAsync(delivery, stoppingToken);
                }

                try
                {
                    await Task.Delay(Tick, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private async Task DeliverAsync(CallbackDelivery delivery, CancellationToken stoppingToken)
        {
            try
            {
                using var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(delivery.Url, content, stoppingToken);
                _state.RecordCallbackAttempt(delivery, (int)response.StatusCode, null);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException || ex is InvalidOperationException)
            {
                _state.RecordCallbackAttempt(delivery, null, ex.GetType().Name + ": " + ex.Message);
            }
        }

        public override void Dispose()
        {
            _http.Dispose();
            base.Dispose();
        }
    }
}
