using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PayoutPS.Sandbox;

// dotnet run --project src/PayoutPS.Sandbox -- --port 0 [--ready-file path] [--merchants file.json] [--merchant no:secret] [--callback-url url]
//   [--payee-review-seconds n] [--status-step-seconds n] [--callback-retry-seconds 2,5,10] [--clock-speed x] [--rate-limit n]
// Prints one line when it accepts requests:  PAYOUT_SANDBOX_READY http://127.0.0.1:<port>/payout
if (args.Contains("--help") || args.Contains("-h") || args.Contains("-?"))
{
    Console.WriteLine(Usage());
    return 0;
}

SandboxOptions options;
try
{
    options = ParseArguments(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

await using var server = await SandboxServer.StartAsync(options);
var readyLine = "PAYOUT_SANDBOX_READY " + server.BaseUri.AbsoluteUri;
if (options.ReadyFile != null)
{
    // Written whole and then renamed, so a reader never sees half a line.
    var temporary = options.ReadyFile + ".tmp";
    File.WriteAllText(temporary, server.BaseUri.AbsoluteUri + Environment.NewLine);
    File.Move(temporary, options.ReadyFile, overwrite: true);
}

Console.WriteLine(readyLine);
Console.WriteLine(Serving(options, server.BaseUri));
Console.Out.Flush();
await server.WaitForShutdownAsync();
return 0;

static SandboxOptions ParseArguments(string[] args)
{
    var options = new SandboxOptions();
    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i];
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
        double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} needs a number of zero or more.");

        switch (name)
        {
            case "--port": options.Port = (int)Number(); break;
            case "--ready-file": options.ReadyFile = Value(); break;
            case "--merchants": options.MerchantsFile = Value(); break;
            case "--merchant": options.Merchants.Add(ParseMerchant(Value())); break;
            case "--callback-url": options.CallbackUrl = Value(); break;
            case "--payee-review-seconds": options.PayeeReviewSeconds = Number(); break;
            case "--status-step-seconds": options.StatusStepSeconds = Number(); break;
            case "--clock-speed": options.ClockSpeed = Number(); break;
            case "--rate-limit": options.RateLimitPerSecond = Number(); break;
            case "--callback-retry-seconds":
                options.CallbackRetrySeconds = Value().Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                break;
            default: throw new ArgumentException($"Unknown option {name}. payoutps-sandbox --help lists the options.");
        }
    }

    return options;
}

// --merchant 800300:<32-hex secret>[:USD=5000.00,EUR=100.00]
static PayoutPS.Sandbox.Model.MerchantConfig ParseMerchant(string text)
{
    var parts = text.Split(':');
    if (parts.Length < 2 || parts.Length > 3)
    {
        throw new ArgumentException("--merchant needs merchantNo:secret or merchantNo:secret:USD=1000.00,EUR=500.00");
    }

    var merchant = new PayoutPS.Sandbox.Model.MerchantConfig { MerchantNo = parts[0], Secret = parts[1] };
    var balances = parts.Length == 3 ? parts[2] : "USD=1000000.00";
    foreach (var balance in balances.Split(','))
    {
        var pair = balance.Split('=');
        if (pair.Length != 2)
        {
            throw new ArgumentException($"--merchant balance '{balance}' must look like USD=1000.00");
        }

        merchant.Balances[pair[0]] = pair[1];
    }

    return merchant;
}

// Who can connect: the built-in demo merchant with its secret (whose credentials open nothing real); merchants given
// with --merchant or --merchants by number only, since their secrets are the caller's.
static string Serving(SandboxOptions options, Uri baseUri)
{
    var port = baseUri.Port.ToString(CultureInfo.InvariantCulture);
    if (options.MerchantsFile == null && options.Merchants.Count == 0)
    {
        var demo = PayoutPS.Sandbox.Model.MerchantConfig.Default();
        return $"Serving demo merchant {demo.MerchantNo}, secret {demo.Secret} (a sandbox-only key). Connect with: " +
               $"Connect-PayoutEnvironment Local -Port {port} -MerchantId {demo.MerchantNo} -SecretKey (Read-Host -AsSecureString)";
    }

    var numbers = options.MerchantsFile != null ? "the merchants of " + options.MerchantsFile : "merchant(s) " + string.Join(", ", options.Merchants.Select(m => m.MerchantNo));
    return $"Serving {numbers}. Connect with: Connect-PayoutEnvironment Local -Port {port} -MerchantId <number> and that merchant's key.";
}

static string Usage()
{
    var demo = PayoutPS.Sandbox.Model.MerchantConfig.Default();
    return string.Join(Environment.NewLine, new[]
    {
        "payoutps-sandbox: the Payout API on this machine, for testing scripts offline (plain HTTP on 127.0.0.1 only).",
        string.Empty,
        "Options:",
        "  --port n                    listen on port n (0: any free port; the ready line says which)",
        "  --merchant no:secret[:USD=1000.00,EUR=500.00]   serve this merchant (repeatable) instead of the demo merchant",
        "  --merchants file.json       serve the merchants of a JSON file (see the sandbox README)",
        "  --callback-url url          deliver signed payout notifications to url",
        "  --status-step-seconds n     seconds between a payout's status steps (A, B, R, P, then S or F)",
        "  --payee-review-seconds n    seconds a new payee stays in review",
        "  --callback-retry-seconds 2,5,10   pauses between notification retries",
        "  --clock-speed x             run the sandbox's clock x times as fast",
        "  --rate-limit n              answer 429 above n requests per second",
        "  --ready-file path           write the base URL to path once requests are accepted",
        "  --help                      this text",
        string.Empty,
        $"Without --merchant or --merchants it serves the demo merchant {demo.MerchantNo} with secret {demo.Secret}",
        "(a sandbox-only key that opens nothing real), holding " + string.Join(", ", demo.Balances.Select(b => b.Key + " " + b.Value)) + ".",
        "Connect:  Connect-PayoutEnvironment Local -Port <port> -MerchantId " + demo.MerchantNo + " -SecretKey (Read-Host -AsSecureString)",
        "Control plane (unsigned): http://127.0.0.1:<port>/_sandbox/ (state, reset, clock, faults, reversals, merchants).",
    });
}
