using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Batch
{
    /// <summary>One row of a batch as its journal last recorded it: the reconciliation line finance asks for.</summary>
    public sealed class BatchRowState
    {
        public int Row { get; internal set; }

        public string? RequestId { get; internal set; }

        /// <summary>Created, AlreadyExisted, Recovered (paid); Refused, Unavailable, RequestIdConflict (not paid); InDoubt or Pending (intent recorded, no answer); NotSent (intent recorded, the run stopped before sending); Invalid (never sent).</summary>
        public string Outcome { get; set; } = "Pending";

        public bool IsPaid => JournalRecords.IsPaid(Outcome);

        public string? PayoutId { get; set; }

        public string? Status { get; set; }

        public string? Amount { get; internal set; }

        public string? Currency { get; internal set; }

        public string? SourceAmount { get; set; }

        public string? SourceCurrency { get; set; }

        public string? Fee { get; set; }

        public string? Payee { get; internal set; }

        public string? Error { get; set; }

        /// <summary>When the journal last recorded something for this row, UTC.</summary>
        public System.DateTime? Time { get; internal set; }
    }

    /// <summary>Folds a journal's records into its rows, in input order.</summary>
    public static class JournalRows
    {
        public static (JournalHeader Header, List<BatchRowState> Rows) Read(string path)
        {
            JournalHeader? header = null;
            var byRequestId = new Dictionary<string, BatchRowState>(StringComparer.Ordinal);
            var rows = new List<BatchRowState>();
            foreach (var line in JournalReader.ReadAll(path))
            {
                if (header == null)
                {
                    if (line.Type != "header")
                    {
                        throw new JournalException($"Journal {path} line {line.Number} should be its header: it is not a PayoutPS journal.");
                    }

                    header = JournalRecords.ToHeader(line);
                    continue;
                }

                var requestId = line.Text("requestId");
                switch (line.Type)
                {
                    case "invalid":
                        rows.Add(new BatchRowState { Row = line.Int("row"), RequestId = requestId, Outcome = "Invalid", Error = line.Text("error"), Time = JournalTime(line.Text("time")) });
                        break;
                    case "intent" when requestId != null && !byRequestId.ContainsKey(requestId):
                        var state = new BatchRowState
                        {
                            Row = line.Int("row"), RequestId = requestId, Amount = line.Text("amount"), Currency = line.Text("currency"), Payee = line.Text("payee"), Time = JournalTime(line.Text("time")),
                        };
                        byRequestId[requestId] = state;
                        rows.Add(state);
                        break;
                    case "outcome" when requestId != null && byRequestId.TryGetValue(requestId, out var row):
                        // A paid outcome is final: a later run's lookup of the same id cannot make it unpaid.
                        if (row.IsPaid && !JournalRecords.IsPaid(line.Text("outcome")))
                        {
                            break;
                        }

                        row.Outcome = line.Text("outcome") ?? row.Outcome;
                        row.PayoutId = line.Text("payoutId") ?? row.PayoutId;
                        row.Status = line.Text("status") ?? row.Status;
                        row.SourceAmount = line.Text("sourceAmount") ?? row.SourceAmount;
                        row.SourceCurrency = line.Text("sourceCurrency") ?? row.SourceCurrency;
                        row.Fee = line.Text("fee") ?? row.Fee;
                        row.Error = row.IsPaid ? null : line.Text("error");
                        row.Time = JournalTime(line.Text("time"));
                        break;
                }
            }

            if (header == null)
            {
                throw new JournalException($"Journal {path} is empty: it has no header.");
            }

            rows.Sort((a, b) => a.Row.CompareTo(b.Row));
            return (header, rows);
        }

        private static System.DateTime? JournalTime(string? text) =>
            System.DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
                ? time : (System.DateTime?)null;
    }
}
