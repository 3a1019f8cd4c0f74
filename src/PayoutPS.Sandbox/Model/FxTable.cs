using System;
using System.Collections.Generic;

namespace PayoutPS.Sandbox.Model
{
    /// <summary>[SANDBOX] A fixed, documented rate table: units of each currency per 1 USD.</summary>
    internal static class FxTable
    {
        private static readonly Dictionary<string, decimal> PerUsd = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["USD"] = 1m, ["EUR"] = 0.92m, ["GBP"] = 0.79m, ["CNY"] = 7.10m, ["HKD"] = 7.80m, ["SGD"] = 1.34m,
            ["AUD"] = 1.52m, ["CAD"] = 1.36m, ["CHF"] = 0.88m, ["INR"] = 83.00m, ["PHP"] = 56.00m, ["MXN"] = 17.00m,
            ["BRL"] = 5.00m, ["AED"] = 3.6725m, ["SAR"] = 3.75m, ["THB"] = 35.00m, ["MYR"] = 4.70m, ["IDR"] = 15600m,
            ["NGN"] = 1500m, ["KES"] = 130m, ["ZAR"] = 18.50m, ["TRY"] = 32.00m, ["PLN"] = 4.00m, ["SEK"] = 10.50m,
            ["NOK"] = 10.60m, ["DKK"] = 6.85m, ["NZD"] = 1.65m, ["CZK"] = 23.00m, ["HUF"] = 360m, ["ILS"] = 3.70m,
            ["EGP"] = 48.00m, ["PKR"] = 280m, ["BDT"] = 110m, ["COP"] = 3900m, ["PEN"] = 3.75m, ["JPY"] = 150m,
            ["KRW"] = 1350m, ["VND"] = 25000m, ["CLP"] = 950m, ["KWD"] = 0.307m, ["BHD"] = 0.376m, ["OMR"] = 0.385m,
            ["JOD"] = 0.709m, ["TND"] = 3.10m,
        };

        public static bool Serves(string code) => PerUsd.ContainsKey(code);

        /// <summary>Units of <paramref name="target"/> per one unit of <paramref name="source"/>, to 8 decimals.</summary>
        public static decimal Rate(string source, string target) =>
            source == target ? 1m : Math.Round(PerUsd[target] / PerUsd[source], 8, MidpointRounding.ToEven);
    }
}
