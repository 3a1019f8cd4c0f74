using System;
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
        };
    }
}
