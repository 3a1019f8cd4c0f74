using System;
using System.Globalization;
using PayoutPS.Bench;

// dotnet run -c Release --project bench/PayoutPS.Bench -- signing [rounds] [seconds-per-round]
// dotnet run -c Release --project bench/PayoutPS.Bench -- bodies <balances|remittances> <count> <file>
var mode = args.Length > 0 ? args[0] : "signing";
switch (mode)
{
    case "signing":
        SigningBenchmark.Run(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5,
            args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2.0);
        return 0;
    case "bodies" when args.Length == 4:
        SandboxBodies.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        return 0;
    default:
        Console.Error.WriteLine("usage: signing [rounds] [seconds] | bodies <balances|remittances> <count> <file>");
        return 2;
}
