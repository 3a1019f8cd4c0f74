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
                var serving = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                Assert.StartsWith("Serving merchant(s) 800300. Connect with: Connect-PayoutEnvironment Local -Port ", serving);
                Assert.DoesNotContain("00112233445566778899aabbccddeeff", serving); // a merchant's own secret is never printed
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

        [Fact]
        public void Help_lists_the_options_and_the_demo_merchants_credentials_and_starts_nothing()
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PayoutPS.Sandbox.dll"));
            start.ArgumentList.Add("--help");
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(20000), "--help did not end");

            Assert.Equal(0, process.ExitCode);
            foreach (var option in new[] { "--port", "--merchant", "--merchants", "--callback-url", "--status-step-seconds", "--clock-speed", "--rate-limit" })
            {
                Assert.Contains(option, text);
            }

            Assert.Contains("demo merchant 800100 with secret 5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f", text);
            Assert.DoesNotContain("PAYOUT_SANDBOX_READY", text);
        }
    }
}
