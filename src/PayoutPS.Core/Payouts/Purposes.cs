using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Payouts
{
    /// <summary>transactionPurpose codes (spec §3.1) by name, so users can write what they mean.</summary>
    public static class Purposes
    {
        public static readonly IReadOnlyList<string> Names = new[]
        {
            "OwnAccount", "PersonalRemittance", "LoanRepayment", "TechnicalServices", "ShippingFee", "BusinessServices",
        };

        /// <summary>"PersonalRemittance" or "1" → "1"; null when it is neither a name nor a code.</summary>
        public static string? ToCode(string? value)
        {
            var text = value?.Trim() ?? string.Empty;
            if (text.Length == 1 && text[0] >= '0' && text[0] <= '5')
            {
                return text;
            }

            for (var i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    return i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
    }
}
