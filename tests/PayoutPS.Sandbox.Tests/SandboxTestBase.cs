using System;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>Each test gets a fresh sandbox process-in-memory on its own port.</summary>
    public abstract class SandboxTestBase : IAsyncLifetime
    {
        protected SandboxHarness Sandbox { get; private set; } = null!;

        protected virtual void Configure(SandboxOptions options)
        {
        }

        public async Task InitializeAsync() => Sandbox = await SandboxHarness.StartAsync(Configure);

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();

        protected static string NewRequestId() => "T" + Guid.NewGuid().ToString("N").Substring(0, 20);
    }
}
