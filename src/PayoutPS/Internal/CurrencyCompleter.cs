using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PayoutPS.Internal
{
    /// <summary>Tab completion for currency parameters: the ISO 4217 codes payouts are commonly made in.</summary>
    public sealed class CurrencyCompleter : IArgumentCompleter
    {
        private static readonly string[] Codes =
        {
            "AED", "AUD", "BDT", "BGN", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR", "GBP", "GHS", "HKD",
            "HUF", "IDR", "ILS", "INR", "JOD", "JPY", "KES", "KRW", "KWD", "LKR", "MAD", "MXN", "MYR", "NGN", "NOK", "NPR", "NZD", "OMR",
            "PEN", "PHP", "PKR", "PLN", "QAR", "RON", "SAR", "SEK", "SGD", "THB", "TND", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var code in Codes)
            {
                if (code.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(code, code, CompletionResultType.ParameterValue, code);
                }
            }
        }
    }
}
