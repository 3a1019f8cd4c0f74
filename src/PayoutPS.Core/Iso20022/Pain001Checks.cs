using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml.Linq;

namespace PayoutPS.Core.Iso20022
{
    /// <summary>The whole-file rules, applied while the file is counted; every refusal names where.</summary>
    internal sealed class Pain001Checks
    {
        private const int ProblemsShown = 5;

        private readonly string _path;
        private readonly Dictionary<string, string> _endToEnd = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<string> _problems = new List<string>();
        private int _problemCount;
        private int? _declaredCount;
        private decimal? _declaredSum;
        private int _count;
        private decimal _sum;
        private readonly Dictionary<int, (int? Count, decimal? Sum, int SeenCount, decimal SeenSum)> _payments = new Dictionary<int, (int?, decimal?, int, decimal)>();

        public Pain001Checks(string path) => _path = path;

        public string? MessageId { get; private set; }

        public Dictionary<int, string> PaymentIds { get; } = new Dictionary<int, string>();

        public void GroupHeader(XElement header)
        {
            var ns = header.Name.Namespace;
            MessageId = header.Element(ns + "MsgId")?.Value.Trim();
            _declaredCount = Count(header.Element(ns + "NbOfTxs")?.Value, "GrpHdr");
            _declaredSum = Sum(header.Element(ns + "CtrlSum")?.Value, "GrpHdr");
        }

        public void PaymentHeader(int payment, XElement element, Pain001Transaction.PaymentDefaults defaults)
        {
            var ns = element.Name.Namespace;
            _payments.TryGetValue(payment, out var declared);
            switch (element.Name.LocalName)
            {
                case "PmtInfId": PaymentIds[payment] = element.Value.Trim(); break;
                case "NbOfTxs": declared.Count = Count(element.Value, $"PmtInf {payment}"); break;
                case "CtrlSum": declared.Sum = Sum(element.Value, $"PmtInf {payment}"); break;
                case "DbtrAcct": defaults.DebtorCurrency = element.Element(ns + "Ccy")?.Value.Trim(); break;
                case "ChrgBr": defaults.ChargeBearer = element.Value.Trim(); break;
                case "UltmtDbtr": defaults.UltimateDebtor = element; break;
                case "PmtTpInf": defaults.CategoryPurpose = element.Element(ns + "CtgyPurp")?.Element(ns + "Cd")?.Value.Trim(); break;
                case "ReqdExctnDt":
                    if (DateTime.TryParseExact(element.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Date > DateTime.UtcNow.Date)
                    {
                        Problem($"PmtInf {payment}: ReqdExctnDt {element.Value.Trim()} is in the future, and a payout is made when it is sent; run the file on that date");
                    }

                    break;
            }

            _payments[payment] = declared;
        }

        public void Add(Pain001Transaction tx)
        {
            _count++;
            _sum += tx.ControlAmount;
            _payments.TryGetValue(tx.PaymentInformation, out var payment);
            payment.SeenCount++;
            payment.SeenSum += tx.ControlAmount;
            _payments[tx.PaymentInformation] = payment;
            if (tx.Problem != null)
            {
                Problem($"{tx.Position}: {tx.Problem}");
            }

            if (tx.EndToEndId != null && tx.EndToEndId != Pain001Transaction.NotProvided)
            {
                if (_endToEnd.TryGetValue(tx.EndToEndId, out var first))
                {
                    Problem($"{tx.Position}: EndToEndId {tx.EndToEndId} repeats {first}; each transaction needs its own (or NOTPROVIDED)");
                }
                else
                {
                    _endToEnd[tx.EndToEndId] = $"PmtInf {tx.PaymentInformation}, CdtTrfTxInf {tx.Index}";
                }
            }
        }

        public void EndOfPayment(int payment)
        {
            if (!_payments.TryGetValue(payment, out var seen))
            {
                return;
            }

            if (seen.Count is int count && count != seen.SeenCount)
            {
                Problem($"PmtInf {payment}: NbOfTxs says {count}, it holds {seen.SeenCount} CdtTrfTxInf");
            }

            if (seen.Sum is decimal sum && sum != seen.SeenSum)
            {
                Problem($"PmtInf {payment}: CtrlSum says {sum.ToString(CultureInfo.InvariantCulture)}, its amounts add up to {seen.SeenSum.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        /// <summary>After the last transaction: the group header's totals, then every problem found, or nothing.</summary>
        public void Finish()
        {
            if (_declaredCount is int count && count != _count)
            {
                Problem($"GrpHdr: NbOfTxs says {count}, the file holds {_count} CdtTrfTxInf");
            }

            if (_declaredSum is decimal sum && sum != _sum)
            {
                Problem($"GrpHdr: CtrlSum says {sum.ToString(CultureInfo.InvariantCulture)}, the amounts add up to {_sum.ToString(CultureInfo.InvariantCulture)}");
            }

            if (_count == 0)
            {
                Problem("it holds no CdtTrfTxInf");
            }

            if (_problemCount > 0)
            {
                throw new PayoutRequestException($"{_path} cannot be paid as it is ({_problemCount} problem(s)): {string.Join("; ", _problems)}{(_problemCount > _problems.Count ? "; …" : string.Empty)}. " +
                                                 "Nothing was sent: an ERP file is paid whole or not at all; fix it at its source and export it again.", "Path");
            }
        }

        private void Problem(string text)
        {
            _problemCount++;
            if (_problems.Count < ProblemsShown)
            {
                _problems.Add(text);
            }
        }

        private int? Count(string? text, string where)
        {
            if (text == null)
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }

            Problem($"{where}: NbOfTxs '{text.Trim()}' is not a number");
            return null;
        }

        private decimal? Sum(string? text, string where)
        {
            if (text == null)
            {
                return null;
            }

            if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sum))
            {
                return sum;
            }

            Problem($"{where}: CtrlSum '{text.Trim()}' is not a decimal number");
            return null;
        }
    }
}
