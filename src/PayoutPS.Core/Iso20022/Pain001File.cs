using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PayoutPS.Core.Input;

namespace PayoutPS.Core.Iso20022
{
    /// <summary>
    /// An ISO 20022 pain.001.001.03 credit transfer file as a batch: each <c>CdtTrfTxInf</c> one row
    /// (<see cref="Pain001Transaction"/>), read streaming. The whole file is checked before the first payout: the
    /// namespace, no DTD (so no external entity and no entity expansion), the group's and each payment
    /// information's NbOfTxs and CtrlSum to the cent, duplicate EndToEndIds, execution dates the run cannot honour,
    /// and transactions the API cannot express. An ERP file is paid whole or not at all.
    /// </summary>
    public sealed class Pain001File : IRowFile
    {
        public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

        private readonly InputBytes _bytes;
        private readonly string _path;
        private string? _sha256;

        public Pain001File(string path)
        {
            _path = path;
            _bytes = InputBytes.Open(path);
        }

        public IReadOnlyList<string> Columns => Pain001Transaction.Columns;

        public int BlankLines => 0;

        /// <summary>The group header's MsgId, once the file was counted: what a pain.002 answers.</summary>
        public string? MessageId { get; private set; }

        /// <summary>Each row's PmtInf (from 1), its place in it (from 1) and its EndToEndId (null for none), once the file was counted.</summary>
        public IReadOnlyList<(int Payment, int Index, string? EndToEndId)> Transactions => _transactions;

        /// <summary>Each PmtInf's PmtInfId, by index from 1, once the file was counted.</summary>
        public IReadOnlyDictionary<int, string> PaymentIds { get; private set; } = new Dictionary<int, string>();

        private readonly List<(int, int, string?)> _transactions = new List<(int, int, string?)>();

        /// <summary>
        /// Whether <paramref name="path"/> holds XML (its first character, after a byte-order mark and white space, is
        /// '&lt;', in UTF-8 or UTF-16), so is read as ISO 20022. A pipe is not XML here: the reader that refuses pipes says so.
        /// </summary>
        public static bool IsXml(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (!stream.CanSeek)
            {
                return false;
            }

            var head = new byte[4];
            var read = stream.Read(head, 0, head.Length);
            var utf16 = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
            var start = read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : utf16 ? 2 : 0;
            stream.Position = start;
            using var reader = new StreamReader(stream, utf16 ? (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode) : new UTF8Encoding(false), false);
            int next;
            while ((next = reader.Read()) == ' ' || next == '\t' || next == '\r' || next == '\n')
            {
            }

            return next == '<';
        }

        public string Sha256() => _sha256 ?? (_sha256 = _bytes.Sha256());

        public string Where(int line) =>
            line >= 1 && line <= _transactions.Count ? Pain001Transaction.PositionOf(_transactions[line - 1]) : $"CdtTrfTxInf {line}";

        public bool ChangedOnDisk() => _bytes.ChangedOnDisk();

        public void Dispose() => _bytes.Dispose();

        public int CountRows(Action<int, IReadOnlyList<string>>? eachRow = null)
        {
            var check = new Pain001Checks(_path);
            _transactions.Clear();
            using (var pass = _bytes.Read())
            {
                foreach (var tx in Read(pass, check))
                {
                    _transactions.Add((tx.PaymentInformation, tx.Index, tx.EndToEndId));
                    check.Add(tx);
                    eachRow?.Invoke(tx.Number, tx.Values);
                }
            }

            MessageId = check.MessageId;
            PaymentIds = check.PaymentIds;
            check.Finish();
            return _transactions.Count;
        }

        public IEnumerable<CsvRow> Rows()
        {
            using (var pass = _bytes.ReadHashing())
            {
                foreach (var tx in Read(pass, new Pain001Checks(_path)))
                {
                    yield return new CsvRow(tx.Number, tx.Fields());
                }

                if (_sha256 != null && pass.Hash() != _sha256)
                {
                    throw new PayoutRequestException($"{_path} changed in place while its transactions were paid: the bytes read differ from those checked and hashed. " +
                        "Get-PayoutBatch shows what was paid. Write payment files whole (save as a new file) while a batch runs.", "Path");
                }
            }
        }

        /// <summary>The transactions in file order, the headers they depend on read on the way into <paramref name="check"/>.</summary>
        private IEnumerable<Pain001Transaction> Read(Stream stream, Pain001Checks check)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, IgnoreProcessingInstructions = true, CloseInput = false };
            using var reader = Guard(() => XmlReader.Create(stream, settings));
            Guard(() => reader.MoveToContent());
            if (reader.LocalName != "Document" || reader.NamespaceURI != Namespace)
            {
                throw Refusal(reader.NamespaceURI.StartsWith("urn:iso:std:iso:20022:tech:xsd:", StringComparison.Ordinal)
                    ? $"it is {reader.NamespaceURI.Substring("urn:iso:std:iso:20022:tech:xsd:".Length)}, a message or version this module does not read; it reads pain.001.001.03 ({Namespace})"
                    : $"its root element is {{{reader.NamespaceURI}}}{reader.LocalName}, not a pain.001.001.03 Document ({Namespace})");
            }

            if (!Guard(() => reader.ReadToDescendant("CstmrCdtTrfInitn", Namespace)))
            {
                throw Refusal("it has no CstmrCdtTrfInitn: it is not a credit transfer initiation");
            }

            int number = 0, payment = 0;
            Guard(() => reader.Read());
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    Guard(() => reader.Read());
                    continue;
                }

                if (reader.LocalName == "GrpHdr")
                {
                    check.GroupHeader(Element(reader));
                    continue;
                }

                if (reader.LocalName != "PmtInf" || reader.IsEmptyElement)
                {
                    Guard(() => reader.Skip());
                    continue;
                }

                payment++;
                var defaults = new Pain001Transaction.PaymentDefaults();
                var index = 0;
                Guard(() => reader.Read());
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        Guard(() => reader.Read());
                        continue;
                    }

                    var element = Element(reader);
                    if (element.Name.LocalName == "CdtTrfTxInf")
                    {
                        yield return Pain001Transaction.Map(element, ++number, payment, ++index, defaults);
                    }
                    else
                    {
                        check.PaymentHeader(payment, element, defaults);
                    }
                }

                check.EndOfPayment(payment);
                Guard(() => reader.Read());
            }
        }

        private XElement Element(XmlReader reader) => Guard(() => (XElement)XNode.ReadFrom(reader));

        private T Guard<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (XmlException ex) when (ex.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw Refusal("it declares a DTD (<!DOCTYPE>), which is refused: its entities could read other files or expand without end");
            }
            catch (XmlException ex)
            {
                throw Refusal($"it is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition} ({ex.Message.Split('.')[0]})");
            }
        }

        private void Guard(Action read) => Guard(() => { read(); return true; });

        private PayoutRequestException Refusal(string why) => new PayoutRequestException($"{_path}: {why}. Nothing was sent.", "Path");
    }
}
