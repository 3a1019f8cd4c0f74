using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PayoutPS.Sandbox;

// dotnet run --project src/PayoutPS.Sandbox -- --port 0 [--ready-file path] [--merchants file.json] [--merchant no:secret] [--callback-url url]
//   [--payee-review-seconds n] [--status-step-seconds n] [--callback-retry-seconds 2,5,10] [--clock-speed x] [--rate-limit n]
// Prints one line when it accepts requests:  PAYOUT_SANDBOX_READY http://127.0.0.1:<port>/payout
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
            default: throw new ArgumentException($"Unknown option {name}. See src/PayoutPS.Sandbox/README.md.");
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
