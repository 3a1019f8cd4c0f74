using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PayoutPS.Core.Iso20022
{
    /// <summary>A pain.002.001.03 status report read back, as an ERP's import reads it: the group's status and each transaction's.</summary>
    public sealed class Pain002Statuses
    {
        public string? OriginalMessageId { get; private set; }

        public string? GroupStatus { get; private set; }

        public IReadOnlyList<Transaction> Transactions { get; private set; } = new List<Transaction>();

        /// <summary>One TxInfAndSts.</summary>
        public sealed class Transaction
        {
            public string? PaymentInformationId { get; internal set; }

            public string? EndToEndId { get; internal set; }

            public string? Status { get; internal set; }

            public string? Reason { get; internal set; }

            public string? Text { get; internal set; }

            /// <summary>AcctSvcrRef: the payout id.</summary>
            public string? Reference { get; internal set; }
        }

        /// <summary>Reads <paramref name="path"/> (no DTD, no external entity); an element missing is null.</summary>
        public static Pain002Statuses Read(string path)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            XDocument document;
            using (var reader = XmlReader.Create(path, settings))
            {
                document = XDocument.Load(reader);
            }

            XNamespace ns = Pain002Report.Namespace;
            var report = document.Root?.Element(ns + "CstmrPmtStsRpt");
            var group = report?.Element(ns + "OrgnlGrpInfAndSts");
            return new Pain002Statuses
            {
                OriginalMessageId = group?.Element(ns + "OrgnlMsgId")?.Value,
                GroupStatus = group?.Element(ns + "GrpSts")?.Value,
                Transactions = (report?.Elements(ns + "OrgnlPmtInfAndSts") ?? Enumerable.Empty<XElement>())
                    .SelectMany(payment => payment.Elements(ns + "TxInfAndSts").Select(tx => new Transaction
                    {
                        PaymentInformationId = payment.Element(ns + "OrgnlPmtInfId")?.Value,
                        EndToEndId = tx.Element(ns + "OrgnlEndToEndId")?.Value,
                        Status = tx.Element(ns + "TxSts")?.Value,
                        Reason = tx.Element(ns + "StsRsnInf")?.Element(ns + "Rsn")?.Element(ns + "Cd")?.Value,
                        Text = string.Concat(tx.Element(ns + "StsRsnInf")?.Elements(ns + "AddtlInf").Select(a => a.Value) ?? Enumerable.Empty<string>()),
                        Reference = tx.Element(ns + "AcctSvcrRef")?.Value,
                    }))
                    .ToList(),
            };
        }
    }
}
