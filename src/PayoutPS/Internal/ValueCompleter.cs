using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Tab completion for the parameters with a fixed set of values: countries (ISO 3166-1 alpha-2), the currencies
    /// payouts are commonly made in (ISO 4217), payee types, fee bearing and charge flag. The parameter's name says which list.
    /// </summary>
    public sealed class ValueCompleter : IArgumentCompleter
    {
        private static readonly string[] Countries =
            ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
             "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
             "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ " +
             "OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
             "UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ');

        private static readonly string[] Currencies =
        {
            "AED", "AUD", "BDT", "BGN", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR", "GBP", "GHS", "HKD",
            "HUF", "IDR", "ILS", "INR", "JOD", "JPY", "KES", "KRW", "KWD", "LKR", "MAD", "MXN", "MYR", "NGN", "NOK", "NPR", "NZD", "OMR",
            "PEN", "PHP", "PKR", "PLN", "QAR", "RON", "SAR", "SEK", "SGD", "THB", "TND", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
        };

        private static readonly Dictionary<string, string[]> Lists = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Country"] = Countries,
            ["BankCountry"] = Countries,
            ["Currency"] = Currencies,
            ["SourceCurrency"] = Currencies,
            ["TargetCurrency"] = Currencies,
            ["PayoutCurrency"] = Currencies,
            ["PayeeType"] = new[] { "Individual", "Business" },
            ["FeeBearing"] = new[] { "SHA", "OUR" },
            ["ChargeFlag"] = new[] { "N", "Y" },
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (!Lists.TryGetValue(parameterName, out var values))
            {
                yield break;
            }

            foreach (var value in values)
            {
                if (value.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, value);
                }
            }
        }
    }

    /// <summary>Tab completion for -BeneficiaryId: the approved payees of the connected environment, asked once a minute at most.</summary>
    public sealed class BeneficiaryIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
        private static readonly object Gate = new object();
        private static (Models.PayoutContext? Context, DateTime At, List<Core.Account.Beneficiary> Payees) _cache;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var context = SessionStore.Current;
            if (context == null)
            {
                return Array.Empty<CompletionResult>();
            }

            List<Core.Account.Beneficiary> payees;
            lock (Gate)
            {
                if (!ReferenceEquals(_cache.Context, context) || DateTime.UtcNow - _cache.At > Fresh)
                {
                    _cache = (context, DateTime.UtcNow, Fetch(context));
                }

                payees = _cache.Payees;
            }

            var results = new List<CompletionResult>();
            foreach (var payee in payees)
            {
                if (payee.BeneficiaryId != null && payee.BeneficiaryId.StartsWith(wordToComplete ?? string.Empty, StringComparison.Ordinal))
                {
                    results.Add(new CompletionResult(payee.BeneficiaryId, $"{payee.BeneficiaryId} {payee.Name} {payee.Account}", CompletionResultType.ParameterValue, $"{payee.Name} {payee.Account} ({payee.PayoutCurrency})"));
                }
            }

            return results;
        }

        private static List<Core.Account.Beneficiary> Fetch(Models.PayoutContext context)
        {
            try
            {
                // Completion must never hang the prompt: one page, two seconds.
                using (var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(2)))
                {
                    var page = new Core.Account.PayeeApi(context.Client.Transport)
                        .ListAsync("PASS", null, null, 100, 1, Core.Transport.NullPayoutLog.Instance, cancel.Token).GetAwaiter().GetResult();
                    return new List<Core.Account.Beneficiary>(page.Payees);
                }
            }
            catch (Exception ex) when (ex is Core.Api.PayoutApiException || ex is OperationCanceledException)
            {
                return new List<Core.Account.Beneficiary>();
            }
        }
    }
}
