using System;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Feeds a batch's rows to <see cref="BatchCost"/> as New-Payout would read them: a file's columns resolved once
    /// (so a 20,000-row file is totalled in a few milliseconds), or mapped rows one by one.
    /// </summary>
    internal static class BatchCosting
    {
        private static readonly string[] Fields = { "SendAmount", "ReceiveAmount", "Amount", "ChargeFlag", "SourceCurrency", "TargetCurrency" };

        /// <summary>Every data row of <paramref name="csv"/>, with values given on the command line applying to every row.</summary>
        public static BatchCost FromFile(CsvFile csv, RowMapper mapper, IReadOnlyDictionary<string, object?> commandLine, decimal feeRate)
        {
            var cost = new BatchCost(feeRate);
            var columns = new Dictionary<string, string>(StringComparer.Ordinal); // field → the column that fills it
            foreach (var column in csv.Columns)
            {
                if (mapper.FieldOf(column) is string field && Fields.Contains(field, StringComparer.Ordinal) && !columns.ContainsKey(field))
                {
                    columns[field] = column;
                }
            }

            var row = 0;
            foreach (var record in csv.Rows())
            {
                row++;
                cost.Add(row, field =>
                    commandLine.TryGetValue(field, out var given) && given != null ? InputValue.ToText(given, field)
                    : columns.TryGetValue(field, out var column) ? record.Fields[column] : null);
            }

            return cost;
        }

        /// <summary>One row already mapped to New-Payout's fields.</summary>
        public static void Add(BatchCost cost, int row, IReadOnlyDictionary<string, object?> values) =>
            cost.Add(row, field => values.TryGetValue(field, out var value) && value != null ? InputValue.ToText(value, field) : null);
    }
}
