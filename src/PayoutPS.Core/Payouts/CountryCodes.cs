using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PayoutPS.Core.Payouts
{
    /// <summary>
    /// ISO 3166-1 alpha-2 country codes as rows give them: two capitals, and for the writings people use instead
    /// (UK, USA, United States, 840, U.S.) the code they mean, so a row is refused with the fix before it is sent.
    /// </summary>
    public static class CountryCodes
    {
        private static readonly Regex Shape = new Regex("^[A-Z]{2}$", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string> Meant = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["UK"] = "GB", ["U.K."] = "GB", ["GBR"] = "GB", ["826"] = "GB", ["UNITED KINGDOM"] = "GB", ["GREAT BRITAIN"] = "GB", ["ENGLAND"] = "GB",
            ["USA"] = "US", ["U.S."] = "US", ["U.S.A."] = "US", ["840"] = "US", ["UNITED STATES"] = "US", ["UNITED STATES OF AMERICA"] = "US", ["AMERICA"] = "US",
            ["DEU"] = "DE", ["GER"] = "DE", ["276"] = "DE", ["GERMANY"] = "DE", ["DEUTSCHLAND"] = "DE",
            ["FRA"] = "FR", ["250"] = "FR", ["FRANCE"] = "FR", ["CHN"] = "CN", ["156"] = "CN", ["CHINA"] = "CN",
            ["JPN"] = "JP", ["392"] = "JP", ["JAPAN"] = "JP", ["PHL"] = "PH", ["608"] = "PH", ["PHILIPPINES"] = "PH",
            ["POL"] = "PL", ["616"] = "PL", ["POLAND"] = "PL", ["IND"] = "IN", ["356"] = "IN", ["INDIA"] = "IN",
            ["EL"] = "GR", ["GRC"] = "GR", ["GREECE"] = "GR", ["ESP"] = "ES", ["SPAIN"] = "ES", ["ITA"] = "IT", ["ITALY"] = "IT",
            ["NLD"] = "NL", ["NETHERLANDS"] = "NL", ["HOLLAND"] = "NL", ["CAN"] = "CA", ["CANADA"] = "CA", ["MEX"] = "MX", ["MEXICO"] = "MX",
        };

        /// <summary>Two capitals, and not a known other writing (UK is the United Kingdom's common name, but its ISO code is GB).</summary>
        public static bool IsCode(string? code) => code != null && Shape.IsMatch(code) && !Meant.ContainsKey(code);

        /// <summary>Why <paramref name="code"/> is no ISO 3166-1 alpha-2 code, with the code meant when it is a known other writing; null when it is one.</summary>
        public static string? Problem(string? code)
        {
            if (IsCode(code))
            {
                return null;
            }

            var text = code?.Trim() ?? string.Empty;
            if (Meant.TryGetValue(text, out var meant))
            {
                return $"'{code}' is not an ISO 3166-1 alpha-2 country code; write {meant}";
            }

            return Shape.IsMatch(text.ToUpperInvariant()) && !Meant.ContainsKey(text)
                ? $"'{code}' must be an ISO 3166-1 alpha-2 code in capitals: {text.ToUpperInvariant()}"
                : $"'{code}' must be an ISO 3166-1 alpha-2 code (two capitals, such as DE)";
        }
    }
}
