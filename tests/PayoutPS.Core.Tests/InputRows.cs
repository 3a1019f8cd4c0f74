using System.Collections.Generic;
using PayoutPS.Core.Input;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Tests
{
    /// <summary>One valid inline payout as a row of input (column → value), and what it becomes on the wire.</summary>
    internal static class InputRows
    {
        /// <summary>An individual paid by IBAN, USD to EUR; <paramref name="extra"/> sets or overrides cells.</summary>
        public static Dictionary<string, object?> Row(params (string Name, object? Value)[] extra)
        {
            var row = new Dictionary<string, object?>
            {
                ["RequestId"] = "R-1", ["FirstName"] = "Anna", ["LastName"] = "Müller", ["AccountNumber"] = "DE89370400440532013000",
                ["Country"] = "DE", ["City"] = "Berlin", ["AddressLine1"] = "Unter den Linden 1", ["SendAmount"] = "100.00",
                ["SourceCurrency"] = "USD", ["TargetCurrency"] = "EUR", ["Purpose"] = "1",
            };
            foreach (var (name, value) in extra)
            {
                row[name] = value;
            }

            return row;
        }

        /// <summary>The row checked and turned into the signed fields, as New-Payout would send it.</summary>
        public static IReadOnlyList<RequestField> Fields(Dictionary<string, object?> row) => PayoutInput.ToRemittance(row).ToFields();
    }
}
