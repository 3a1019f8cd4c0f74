using System;
using System.Collections.Generic;
using System.IO;

namespace PayoutPS.Core.Batch
{
    /// <summary>One row of a batch as its journal last recorded it: the reconciliation line finance asks for.</summary>
    public sealed class BatchRowState
    {
        public int Row { get; internal set; }

        public string? RequestId { get; internal set; }

        /// <summary>How the row ended (see <see cref="RowOutcome"/>); InDoubt while an intent has no outcome.</summary>
        public RowOutcome Outcome { get; set; } = RowOutcome.InDoubt;

        public bool IsPaid => RowOutcomes.IsPaid(Outcome);

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
        public DateTime? Time { get; internal set; }

        /// <summary>Whether the service should be asked about this row: its outcome or its status may still change.</summary>
        public bool MayChange => RequestId != null && (IsPaid ? !Payouts.PayoutStatusCodes.IsTerminal(Status) : Outcome == RowOutcome.InDoubt || Outcome == RowOutcome.NotSent);

        /// <summary>
        /// Takes what the service holds under this row's requestId, if it is this row's payout (the amount and
        /// currency its intent recorded); otherwise leaves the row as it was and says why.
        /// </summary>
        public string? Settle(Payouts.PayoutRecord found)
        {
            var sameAmount = Same(Amount, Currency, found.SourceAmount, found.SourceCurrency) || Same(Amount, Currency, found.TargetAmount, found.TargetCurrency);
            if (!sameAmount || (PayoutId != null && !string.Equals(PayoutId, found.PayoutId, StringComparison.Ordinal)))
            {
                return $"the service holds requestId {RequestId} as payout {found.PayoutId} ({found.SourceAmount} {found.SourceCurrency} → {found.TargetAmount} {found.TargetCurrency}), " +
                       $"which is not this row's payout ({PayoutId ?? Amount + " " + Currency}): the row is left as the journal recorded it";
            }

            if (!IsPaid)
            {
                Outcome = RowOutcome.Recovered;
                Error = null;
            }

            PayoutId = found.PayoutId;
            Status = found.Status;
            SourceAmount = found.SourceAmount;
            SourceCurrency = found.SourceCurrency;
            Fee = found.Fee;
            return null;
        }

        private static bool Same(string? amount, string? currency, string? theirAmount, string? theirCurrency) =>
            string.Equals(currency, theirCurrency, StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(amount, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(theirAmount, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var b)
            && a == b;
    }

    /// <summary>Folds a journal's records into its rows, in input order, reading the file once as a stream.</summary>
    public static class JournalRows
    {
        public static (JournalHeader Header, List<BatchRowState> Rows) Read(string path)
        {
            JournalHeader? header = null;
            var byRequestId = new Dictionary<string, BatchRowState>(StringComparer.Ordinal);
            var rows = new List<BatchRowState>();
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024))
            {
                if (stream.Length == 0)
                {
                    throw new JournalException($"Journal {path} is empty: it has no header. A journal is never created empty, so it was emptied after a run.");
                }

                JournalReader.Read(stream, path, line =>
                {
                    if (header == null)
                    {
                        if (line.Type != "header")
                        {
                            throw new JournalException($"Journal {path} line {line.Number} should be its header: it is not a PayoutPS journal.");
                        }

                        header = JournalRecords.ToHeader(line);
                        return;
                    }

                    Fold(line, byRequestId, rows);
                });
            }

            if (header == null)
            {
                throw new JournalException($"Journal {path} has no header: it is not a PayoutPS journal, or it was damaged.");
            }

            rows.Sort((a, b) => a.Row.CompareTo(b.Row));
            return (header, rows);
        }

        private static void Fold(JournalReader.Line line, Dictionary<string, BatchRowState> byRequestId, List<BatchRowState> rows)
        {
            var requestId = line.Text("requestId");
            switch (line.Type)
            {
                case "invalid":
                    var refused = line.Text("outcome") == nameof(RowOutcome.Held) ? RowOutcome.Held : RowOutcome.Invalid;
                    rows.Add(new BatchRowState { Row = line.Int("row"), RequestId = requestId, Outcome = refused, Error = line.Text("error"), Time = JournalTime(line.Text("time")) });
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
                    var outcome = RowOutcomes.Parse(line.Text("outcome"));

                    // A paid outcome is final: a later run's lookup of the same id cannot make it unpaid.
                    if (row.IsPaid && !RowOutcomes.IsPaid(outcome))
                    {
                        break;
                    }

                    row.Outcome = outcome;
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

        private static DateTime? JournalTime(string? text) =>
            DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
                ? time : (DateTime?)null;
    }
}
