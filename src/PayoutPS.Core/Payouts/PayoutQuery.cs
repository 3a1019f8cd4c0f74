using System;
using System.Collections.Generic;
using System.Globalization;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Payouts
{
    /// <summary>Filters of the transaction list (#12). The creation window is required by the API.</summary>
    public sealed class PayoutQuery
    {
        public string? RequestId { get; set; }

        public string? PayoutId { get; set; }

        public string? Status { get; set; }

        public DateTime CreatedFrom { get; set; }

        public DateTime CreatedTo { get; set; }

        internal IReadOnlyList<RequestField> ToFields(int size, int current) => RequestFields.FromPairs(new Dictionary<string, object?>
        {
            ["requestId"] = RequestId,
            ["payoutId"] = PayoutId,
            ["payoutStatus"] = Status,
            ["createTimeStartTime"] = CreatedFrom.ToUniversalTime().ToString(FieldValues.TimeFormat, CultureInfo.InvariantCulture),
            ["createTimeEndTime"] = CreatedTo.ToUniversalTime().ToString(FieldValues.TimeFormat, CultureInfo.InvariantCulture),
            ["size"] = size,
            ["current"] = current,
        });
    }

    /// <summary>One page of the transaction list, each record read as <typeparamref name="T"/>.</summary>
    public sealed class PayoutPage<T>
    {
        public PayoutPage(IReadOnlyList<T> records, int total)
        {
            Records = records;
            Total = total;
        }

        public IReadOnlyList<T> Records { get; }

        public int Total { get; }
    }
}
