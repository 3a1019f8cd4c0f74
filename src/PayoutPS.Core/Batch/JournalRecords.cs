using System;
using System.IO;
using System.Text.Json;
using System.Globalization;

namespace PayoutPS.Core.Batch
{
    /// <summary>Reading journal records back into the Core's models.</summary>
    public static class JournalRecords
    {
        public static JournalHeader ToHeader(JournalReader.Line line) => new JournalHeader
        {
            Version = line.Int("version"),
            BatchId = line.Text("batchId") ?? string.Empty,
            SenderBatchId = line.Text("senderBatchId"),
            CreatedUtc = DateTime.TryParse(line.Text("createdUtc"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created) ? created : default,
            Merchant = line.Text("merchant") ?? string.Empty,
            Environment = line.Text("environment") ?? string.Empty,
            BaseUri = line.Text("baseUri") ?? string.Empty,
            InputFile = line.Text("inputFile"),
            InputHash = line.Text("inputHash"),
            InputRows = line.Int("inputRows") > 0 ? line.Int("inputRows") : (int?)null,
            Approvals = line.Text("approvals"),
        };

        /// <summary>A journal's header alone (its first line), without reading its rows.</summary>
        public static JournalHeader ReadHeader(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var first = new MemoryStream();
            int next;
            while ((next = stream.ReadByte()) != -1 && next != '\n')
            {
                first.WriteByte((byte)next);
            }

            try
            {
                using var document = JsonDocument.Parse(first.ToArray());
                var line = new JournalReader.Line(1, 0, document.RootElement);
                return line.Type == "header" ? ToHeader(line) : throw new JournalException($"Journal {path} line 1 should be its header: it is not a PayoutPS journal.");
            }
            catch (JsonException)
            {
                throw new JournalException($"Journal {path} line 1 is not a journal header (damaged, or not a PayoutPS journal).");
            }
        }
    }
}
