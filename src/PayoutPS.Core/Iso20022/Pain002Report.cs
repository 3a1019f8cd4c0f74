using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Payouts;

namespace PayoutPS.Core.Iso20022
{
    /// <summary>
    /// The pain.002.001.03 customer payment status report for a batch that came from a pain.001: each transaction of
    /// the original file with its status from the journal (ACSC paid and final, ACSP paid and in process, PDNG not
    /// settled yet or not sent, RJCT not paid and final), a reason where it was not paid, and the payout id as the acceptor's reference.
    /// </summary>
    public sealed class Pain002Report
    {
        public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";

        private readonly string? _messageId;
        private readonly IReadOnlyList<(int Payment, int Index, string? EndToEndId)> _transactions;
        private readonly IReadOnlyDictionary<int, string> _paymentIds;
        private readonly Dictionary<int, (string Status, string? Reason, string? Text, string? PayoutId)> _rows = new Dictionary<int, (string, string?, string?, string?)>();

        /// <param name="original">The pain.001 the batch paid, counted (<see cref="Pain001File.CountRows"/>): what the report answers is taken from it, so it may be disposed.</param>
        public Pain002Report(Pain001File original)
        {
            _messageId = original.MessageId;
            _transactions = original.Transactions;
            _paymentIds = original.PaymentIds;
        }

        /// <summary>A row of the journal, as the report will say it.</summary>
        public void Add(BatchRowState row) => _rows[row.Row] = StatusOf(row);

        /// <summary>TxSts and reason for one row: what the ERP books.</summary>
        public static (string Status, string? Reason, string? Text, string? PayoutId) StatusOf(BatchRowState row)
        {
            if (row.IsPaid)
            {
                return (row.Status == "S" ? "ACSC" : "ACSP", null, null, row.PayoutId);
            }

            if (row.IsCreated)
            {
                // Created, then failed by the provider (F, U, V): the debit went back.
                return ("RJCT", "NARR", row.Error ?? $"The payout failed: {PayoutStatusCodes.Describe(row.Status)}.", row.PayoutId);
            }

            switch (row.Outcome)
            {
                case RowOutcome.InDoubt:
                case RowOutcome.NotSent:
                case RowOutcome.Unavailable: // provably not paid, and a rerun pays it: not final
                case RowOutcome.Checked:
                    return ("PDNG", null, null, null);
                case RowOutcome.Held:
                case RowOutcome.Repeated:
                    return ("RJCT", "AM05", row.Error ?? "Held as a possible duplicate of a payout already made.", null);
                default:
                    var text = row.Error ?? row.Outcome.ToString();
                    return ("RJCT", ReasonFor(text), text, null);
            }
        }

        /// <summary>An ISO external status reason code where the service's message says one: AC01 account, AM04 funds; else NARR.</summary>
        private static string ReasonFor(string message) =>
            message.IndexOf("balance", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("insufficient", StringComparison.OrdinalIgnoreCase) >= 0 ? "AM04"
            : message.IndexOf("account", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("IBAN", StringComparison.Ordinal) >= 0 ? "AC01"
            : "NARR";

        /// <summary>Writes the report; rows no run reached are PDNG. Returns what it says in counts.</summary>
        public Pain002Summary Write(string path, DateTime nowUtc)
        {
            var transactions = _transactions;
            var statuses = Enumerable.Range(1, transactions.Count).Select(row => _rows.TryGetValue(row, out var s) ? s : ("PDNG", null, "Not sent yet: run the batch again to pay it.", null)).ToList();
            var messageId = "PAYOUTPS-" + nowUtc.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
            using (var writer = XmlWriter.Create(path, settings))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement("Document", Namespace);
                writer.WriteStartElement("CstmrPmtStsRpt");
                writer.WriteStartElement("GrpHdr");
                writer.WriteElementString("MsgId", messageId);
                writer.WriteElementString("CreDtTm", nowUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                writer.WriteEndElement();

                writer.WriteStartElement("OrgnlGrpInfAndSts");
                writer.WriteElementString("OrgnlMsgId", _messageId ?? "NOTPROVIDED");
                writer.WriteElementString("OrgnlMsgNmId", "pain.001.001.03");
                writer.WriteElementString("OrgnlNbOfTxs", transactions.Count.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("GrpSts", Overall(statuses.Select(s => s.Item1)));
                foreach (var group in statuses.GroupBy(s => s.Item1).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    writer.WriteStartElement("NbOfTxsPerSts");
                    writer.WriteElementString("DtldNbOfTxs", group.Count().ToString(CultureInfo.InvariantCulture));
                    writer.WriteElementString("DtldSts", group.Key);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                foreach (var payment in Enumerable.Range(0, transactions.Count).GroupBy(i => transactions[i].Payment))
                {
                    writer.WriteStartElement("OrgnlPmtInfAndSts");
                    writer.WriteElementString("OrgnlPmtInfId", _paymentIds.TryGetValue(payment.Key, out var id) ? id : "NOTPROVIDED");
                    writer.WriteElementString("OrgnlNbOfTxs", payment.Count().ToString(CultureInfo.InvariantCulture));
                    writer.WriteElementString("PmtInfSts", Overall(payment.Select(i => statuses[i].Item1)));
                    foreach (var i in payment)
                    {
                        var (status, reason, text, payoutId) = statuses[i];
                        writer.WriteStartElement("TxInfAndSts");
                        writer.WriteElementString("OrgnlEndToEndId", transactions[i].EndToEndId ?? Pain001Transaction.NotProvided);
                        writer.WriteElementString("TxSts", status);
                        if (reason != null || text != null)
                        {
                            writer.WriteStartElement("StsRsnInf");
                            if (reason != null)
                            {
                                writer.WriteStartElement("Rsn");
                                writer.WriteElementString("Cd", reason);
                                writer.WriteEndElement();
                            }

                            foreach (var part in Chunks(text ?? string.Empty, 105).Take(5))
                            {
                                writer.WriteElementString("AddtlInf", part);
                            }

                            writer.WriteEndElement();
                        }

                        if (payoutId != null)
                        {
                            writer.WriteElementString("AcctSvcrRef", payoutId);
                        }

                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            return new Pain002Summary(path, messageId, _messageId, Overall(statuses.Select(s => s.Item1)), statuses.Select(s => s.Item1).ToList());
        }

        /// <summary>A group's status from its transactions': all alike is that status; some rejected is PART; else in process or pending.</summary>
        private static string Overall(IEnumerable<string> statuses)
        {
            var distinct = statuses.Distinct().ToList();
            return distinct.Count == 1 ? distinct[0]
                : distinct.Contains("RJCT") ? "PART"
                : distinct.Contains("PDNG") ? "PDNG"
                : "ACSP";
        }

        private static IEnumerable<string> Chunks(string text, int size)
        {
            for (var i = 0; i < text.Length; i += size)
            {
                yield return text.Substring(i, Math.Min(size, text.Length - i));
            }
        }
    }

    /// <summary>What a pain.002 written by Get-PayoutBatch -Pain002 says, in counts.</summary>
    public sealed class Pain002Summary
    {
        public Pain002Summary(string path, string messageId, string? originalMessageId, string groupStatus, IReadOnlyList<string> statuses)
        {
            Path = path;
            MessageId = messageId;
            OriginalMessageId = originalMessageId;
            GroupStatus = groupStatus;
            Transactions = statuses.Count;
            Completed = statuses.Count(s => s == "ACSC");
            InProcess = statuses.Count(s => s == "ACSP");
            Pending = statuses.Count(s => s == "PDNG");
            Rejected = statuses.Count(s => s == "RJCT");
        }

        public string Path { get; }

        public string MessageId { get; }

        public string? OriginalMessageId { get; }

        /// <summary>ACSC, ACSP, PDNG, RJCT, or PART (some rejected).</summary>
        public string GroupStatus { get; }

        public int Transactions { get; }

        /// <summary>ACSC: paid, final.</summary>
        public int Completed { get; }

        /// <summary>ACSP: paid, not final yet (-Refresh first for final statuses).</summary>
        public int InProcess { get; }

        /// <summary>PDNG: in doubt, or not sent yet.</summary>
        public int Pending { get; }

        /// <summary>RJCT: refused, held, or failed by the provider.</summary>
        public int Rejected { get; }
    }
}
