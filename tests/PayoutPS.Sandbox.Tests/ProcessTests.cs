using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PayoutPS.Sandbox.Tests
{
    /// <summary>The sandbox as users start it: a separate process that prints one ready line and stops on SIGTERM.</summary>
    public class ProcessTests
    {
        [Fact]
        public async Task Starts_on_a_free_port_prints_the_ready_line_writes_the_ready_file_and_stops_cleanly()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "PayoutPS.Sandbox.dll");
            var readyFile = Path.Combine(Path.GetTempPath(), "sandbox-ready-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { dll, "--port", "0", "--ready-file", readyFile, "--merchant", "800300:00112233445566778899aabbccddeeff:EUR=12.50" })
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            try
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                var elapsed = watch.Elapsed;

                Assert.Matches(@"^PAYOUT_SANDBOX_READY http://127\.0\.0\.1:\d+/payout$", line);
                var baseUrl = line!.Split(' ')[1];
                Assert.Equal(baseUrl, File.ReadAllText(readyFile).Trim());
                using var http = new HttpClient();
                var health = await http.GetStringAsync(baseUrl.Replace("/payout", "/_sandbox/health"));
                Assert.Contains("ok", health);
                var state = await http.GetStringAsync(baseUrl.Replace("/payout", "/_sandbox/state"));
                Assert.Contains("\"merchantNo\":\"800300\"", state);
                Assert.Contains("\"EUR\":\"12.50\"", state);
                Assert.True(elapsed < TimeSpan.FromSeconds(5), $"ready after {elapsed}");   // the issue asks < 2 s; loose here against CI noise

                Process.Start("kill", new[] { "-TERM", process.Id.ToString() })!.WaitForExit();
                Assert.True(process.WaitForExit(10000), "did not stop on SIGTERM");
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                File.Delete(readyFile);
            }
        }

        [Fact]
        public async Task An_unknown_option_exits_with_a_message()
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PayoutPS.Sandbox.dll"));
            start.ArgumentList.Add("--bogus");
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            process.WaitForExit();

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("Unknown option --bogus", error);
        }
    }
}
