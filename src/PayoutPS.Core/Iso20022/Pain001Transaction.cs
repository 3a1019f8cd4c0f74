using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace PayoutPS.Core.Iso20022
{
    /// <summary>
    /// One <c>CdtTrfTxInf</c> of a pain.001.001.03 file as New-Payout's row fields (the README's mapping table), with
    /// its position for messages. A transaction the API cannot express carries <see cref="Problem"/> instead.
    /// </summary>
    public sealed class Pain001Transaction
    {
        /// <summary>The row fields a transaction fills, in the order <see cref="Values"/> gives them.</summary>
        public static readonly IReadOnlyList<string> Columns = new[]
        {
            "RequestId", "PayeeType", "FirstName", "LastName", "CompanyName", "AccountNumber", "SwiftCode", "Country", "City",
            "AddressLine1", "PostalCode", "SendAmount", "ReceiveAmount", "SourceCurrency", "TargetCurrency", "Purpose", "Reference", "PayerDetail",
        };

        /// <summary>The API's purposes for ISO external purpose codes (Purp/Cd, else CtgyPurp/Cd).</summary>
        private static readonly Dictionary<string, string> Purposes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SALA"] = "PersonalRemittance", ["PENS"] = "PersonalRemittance", ["BENE"] = "PersonalRemittance", ["SSBE"] = "PersonalRemittance",
            ["BONU"] = "PersonalRemittance", ["ALLW"] = "PersonalRemittance", ["GIFT"] = "PersonalRemittance",
            ["SUPP"] = "BusinessServices", ["TRAD"] = "BusinessServices", ["GDDS"] = "BusinessServices", ["SCVE"] = "BusinessServices",
            ["COMC"] = "BusinessServices", ["COMM"] = "BusinessServices",
            ["LOAN"] = "LoanRepayment", ["LOAR"] = "LoanRepayment",
            ["CASH"] = "OwnAccount", ["INTC"] = "OwnAccount", ["TREA"] = "OwnAccount",
            ["ITSR"] = "TechnicalServices", ["TECH"] = "TechnicalServices",
            ["FREI"] = "ShippingFee",
        };

        /// <summary>What an EndToEndId says when the ERP gave none: the row then gets a derived RequestId, as a CSV row without one.</summary>
        public const string NotProvided = "NOTPROVIDED";

        private readonly string?[] _values = new string?[Columns.Count];

        private Pain001Transaction(int number, int paymentInformation, int index, string? endToEndId)
        {
            Number = number;
            PaymentInformation = paymentInformation;
            Index = index;
            EndToEndId = endToEndId;
        }

        /// <summary>The transaction's number in the file, from 1: its row number.</summary>
        public int Number { get; }

        /// <summary>Which PmtInf it is in (from 1), and which CdtTrfTxInf of it (from 1).</summary>
        public int PaymentInformation { get; }

        public int Index { get; }

        public string? EndToEndId { get; }

        /// <summary>The amount the file's control sums count: InstdAmt, else EqvtAmt/Amt.</summary>
        public decimal ControlAmount { get; private set; }

        /// <summary>Why the API cannot pay this transaction as written; null when it can.</summary>
        public string? Problem { get; private set; }

        /// <summary>"PmtInf 2, CdtTrfTxInf 14, EndToEndId E2E-14".</summary>
        public string Position => PositionOf((PaymentInformation, Index, EndToEndId));

        /// <summary>The same, for a transaction known by where it is (<see cref="Pain001File.Transactions"/>).</summary>
        public static string PositionOf((int Payment, int Index, string? EndToEndId) at) =>
            $"PmtInf {at.Payment}, CdtTrfTxInf {at.Index}, EndToEndId {at.EndToEndId ?? "(none)"}";

        /// <summary>The row's values in <see cref="Columns"/>' order ("" for a field it leaves empty).</summary>
        public IReadOnlyList<string> Values => _values.Select(v => v ?? string.Empty).ToList();

        public Dictionary<string, string> Fields()
        {
            var fields = new Dictionary<string, string>(Columns.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Columns.Count; i++)
            {
                fields[Columns[i]] = _values[i] ?? string.Empty;
            }

            return fields;
        }

        /// <summary>Maps one CdtTrfTxInf (<paramref name="tx"/>), with its PmtInf's debtor account currency, charge bearer and ultimate debtor.</summary>
        internal static Pain001Transaction Map(XElement tx, int number, int paymentInformation, int index, PaymentDefaults defaults)
        {
            var ns = tx.Name.Namespace;
            XElement? At(XElement? from, params string[] path) => path.Aggregate(from, (e, name) => e?.Element(ns + name));
            string? Text(XElement? from, params string[] path) => Blank(At(from, path)?.Value);

            var endToEnd = Text(tx, "PmtId", "EndToEndId");
            var mapped = new Pain001Transaction(number, paymentInformation, index, endToEnd);
            void Set(string field, string? value) => mapped._values[IndexOf(field)] = value;

            Set("RequestId", endToEnd == null || endToEnd == NotProvided || endToEnd.Length > 32 ? null : endToEnd);
            var instructed = At(tx, "Amt", "InstdAmt");
            var equivalent = At(tx, "Amt", "EqvtAmt");
            var creditorCurrency = Text(tx, "CdtrAcct", "Ccy");
            if (instructed != null)
            {
                var currency = Blank(instructed.Attribute("Ccy")?.Value);
                mapped.ControlAmount = ParseAmount(instructed.Value);
                if (defaults.DebtorCurrency != null && currency != null && defaults.DebtorCurrency != currency)
                {
                    // The creditor gets InstdAmt in its currency, paid from an account in another: the receive-amount form.
                    Set("ReceiveAmount", instructed.Value.Trim());
                    Set("SourceCurrency", defaults.DebtorCurrency);
                    Set("TargetCurrency", currency);
                }
                else
                {
                    Set("SendAmount", instructed.Value.Trim());
                    Set("SourceCurrency", currency);
                    Set("TargetCurrency", creditorCurrency ?? currency);
                }
            }
            else if (equivalent != null)
            {
                // EqvtAmt: this much leaves the debtor's account (Amt, in its currency) and moves in CcyOfTrf: the send form, converted.
                var amount = At(equivalent, "Amt");
                mapped.ControlAmount = ParseAmount(amount?.Value);
                Set("SendAmount", Blank(amount?.Value));
                Set("SourceCurrency", Blank(amount?.Attribute("Ccy")?.Value));
                Set("TargetCurrency", Text(equivalent, "CcyOfTrf"));
            }

            var bearer = Text(tx, "ChrgBr") ?? defaults.ChargeBearer;
            if (bearer == "CRED")
            {
                mapped.Problem = "ChrgBr CRED (the creditor bears every charge) cannot be honoured: the service takes its fee from the merchant's balance. Use DEBT, SHAR or SLEV";
            }

            var creditor = At(tx, "Cdtr");
            var name = Text(creditor, "Nm");
            if (At(creditor, "Id", "OrgId") != null)
            {
                Set("PayeeType", "Business");
                Set("CompanyName", name);
            }
            else if (name != null)
            {
                // A person (PrvtId, or no Id at all): the last word is the last name, as most ERPs write "First Last".
                var cut = name.LastIndexOf(' ');
                Set("PayeeType", "Individual");
                if (cut > 0)
                {
                    Set("FirstName", name.Substring(0, cut).Trim());
                    Set("LastName", name.Substring(cut + 1));
                }
                else
                {
                    mapped.Problem ??= $"Cdtr/Nm '{name}' is one word: a person needs a first and a last name (or give Cdtr/Id/OrgId for a business)";
                }
            }

            var address = At(creditor, "PstlAdr");
            var lines = address?.Elements(ns + "AdrLine").Select(l => Blank(l.Value)).Where(l => l != null).ToList() ?? new List<string?>();
            var street = string.Join(" ", new[] { Text(address, "StrtNm"), Text(address, "BldgNb") }.Where(p => p != null));
            Set("Country", Text(address, "Ctry"));
            Set("City", Text(address, "TwnNm") ?? (lines.Count > 1 ? lines[1] : null));
            Set("AddressLine1", street.Length > 0 ? street : lines.FirstOrDefault());
            Set("PostalCode", Text(address, "PstCd"));
            Set("AccountNumber", Text(tx, "CdtrAcct", "Id", "IBAN") ?? Text(tx, "CdtrAcct", "Id", "Othr", "Id"));
            Set("SwiftCode", Text(tx, "CdtrAgt", "FinInstnId", "BIC"));

            var purpose = Text(tx, "Purp", "Cd") ?? Text(tx, "PmtTpInf", "CtgyPurp", "Cd") ?? defaults.CategoryPurpose;
            if (purpose != null)
            {
                if (Purposes.TryGetValue(purpose, out var apiPurpose))
                {
                    Set("Purpose", apiPurpose);
                }
                else
                {
                    mapped.Problem ??= $"purpose code {purpose} has no counterpart in the API's purposes; use one of {string.Join(", ", Purposes.Keys)}";
                }
            }

            var remittance = string.Join(" ", tx.Element(ns + "RmtInf")?.Elements(ns + "Ustrd").Select(u => u.Value.Trim()) ?? Enumerable.Empty<string>());
            Set("Reference", Blank(remittance));
            Set("PayerDetail", Payer(At(tx, "UltmtDbtr") ?? defaults.UltimateDebtor, ns));
            return mapped;
        }

        /// <summary>An ultimate debtor as PayerDetail JSON: the payout is made on its behalf.</summary>
        private static string? Payer(XElement? ultimate, XNamespace ns)
        {
            var name = Blank(ultimate?.Element(ns + "Nm")?.Value);
            if (ultimate == null || name == null)
            {
                return null;
            }

            var country = Blank(ultimate.Element(ns + "PstlAdr")?.Element(ns + "Ctry")?.Value);
            var payer = new Dictionary<string, string>(StringComparer.Ordinal);
            var cut = name.LastIndexOf(' ');
            if (ultimate.Element(ns + "Id")?.Element(ns + "PrvtId") != null && cut > 0)
            {
                payer["firstName"] = name.Substring(0, cut).Trim();
                payer["lastName"] = name.Substring(cut + 1);
            }
            else
            {
                payer["companyName"] = name;
            }

            if (country != null)
            {
                payer["countryCode"] = country;
            }

            return JsonSerializer.Serialize(payer);
        }

        private static int IndexOf(string field)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i] == field)
                {
                    return i;
                }
            }

            throw new ArgumentException(field);
        }

        private static decimal ParseAmount(string? text) =>
            decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0m;

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        /// <summary>What a PmtInf gives all its transactions.</summary>
        internal sealed class PaymentDefaults
        {
            public string? DebtorCurrency { get; set; }

            public string? ChargeBearer { get; set; }

            public string? CategoryPurpose { get; set; }

            public XElement? UltimateDebtor { get; set; }
        }
    }
}
