using System;
using System.Collections.Generic;
using System.Linq;
using PayoutPS.Core.Batch;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>
    /// Feeds a batch's rows to <see cref="BatchCost"/> as New-Payout would read them: a file's rows while it is read
    /// and checked anyway (its columns resolved once), or mapped rows one by one.
    /// </summary>
    internal static class BatchCosting
    {
        private static readonly string[] Fields = { "SendAmount", "ReceiveAmount", "Amount", "ChargeFlag", "SourceCurrency", "TargetCurrency" };

        /// <summary>
        /// What <see cref="IRowFile.CountRows"/> calls for each row of <paramref name="csv"/>: the file is totalled in
        /// the pass that checks it. Columns are resolved once, at the first row; values given on the command line
        /// apply to every row.
        /// </summary>
        public static Action<int, IReadOnlyList<string>> Collect(BatchCost cost, IRowFile csv, RowMapper mapper, IReadOnlyDictionary<string, object?> commandLine)
        {
            Dictionary<string, int>? columns = null; // field → its column's index
            return (row, values) =>
            {
                columns ??= Resolve(csv.Columns, mapper);
                cost.Add(row, field =>
                    commandLine.TryGetValue(field, out var given) && given != null ? InputValue.ToText(given, field)
                    : columns.TryGetValue(field, out var index) ? values[index] : null);
            };
        }

        private static Dictionary<string, int> Resolve(IReadOnlyList<string> header, RowMapper mapper)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                if (mapper.FieldOf(header[i]) is string field && Fields.Contains(field, StringComparer.Ordinal) && !columns.ContainsKey(field))
                {
                    columns[field] = i;
                }
            }

            return columns;
        }

        /// <summary>One row already mapped to New-Payout's fields.</summary>
        public static void Add(BatchCost cost, int row, IReadOnlyDictionary<string, object?> values) =>
            cost.Add(row, field => values.TryGetValue(field, out var value) && value != null ? InputValue.ToText(value, field) : null);
    }
}
