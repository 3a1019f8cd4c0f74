using System;
using System.Collections.Generic;
using System.Management.Automation;
using PayoutPS.Core.Account;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Redaction;
using PayoutPS.Core.Signing;
using PayoutPS.Internal;

namespace PayoutPS.Models
{
    /// <summary>
    /// A payout as New-Payout and Get-PayoutStatus emit it: flat properties that survive Export-Csv and
    /// ConvertTo-Json. The payee's account is masked; the service's raw JSON is on the hidden Raw property.
    /// </summary>
    public sealed class PayoutResult
    {
        private string? _raw;
        private string? _redactedRaw;
        private DateTime? _createTime;
        private DateTime? _updateTime;
        private PSObject? _createTimeShown;
        private PSObject? _updateTimeShown;

        /// <summary>The input row (1-based, data rows only); empty for a payout given on the command line.</summary>
        public int? Row { get; internal set; }

        public string? RequestId { get; internal set; }

        public string? PayoutId { get; internal set; }

        public string? Status { get; internal set; }

        public string? StatusMeaning { get; internal set; }

        /// <summary>The status in a word or two (Success, Failed, In review…), as tables show it.</summary>
        public string? StatusName => PayoutStatusCodes.Name(Status);

        public bool IsTerminal { get; internal set; }

        /// <summary>Created, AlreadyExisted, Recovered, Journaled (paid by an earlier run of the batch), Queried or WhatIf.</summary>
        public string Outcome { get; internal set; } = string.Empty;

        public string? SourceAmount { get; internal set; }

        public string? SourceCurrency { get; internal set; }

        public string? TargetAmount { get; internal set; }

        public string? TargetCurrency { get; internal set; }

        public string? Fee { get; internal set; }

        public string? Payee { get; internal set; }

        public string? Reason { get; internal set; }

        public string? Environment { get; internal set; }

        public string? MerchantId { get; internal set; }

        /// <summary>When the service created it: a UTC DateTime that shows and exports as ISO 8601 (see UtcTimes), made when first read.</summary>
        public PSObject? CreateTime => _createTimeShown ?? (_createTimeShown = UtcTimes.Wrap(_createTime));

        /// <summary>When its status last changed: a UTC DateTime that shows and exports as ISO 8601, made when first read.</summary>
        public PSObject? UpdateTime => _updateTimeShown ?? (_updateTimeShown = UtcTimes.Wrap(_updateTime));

        [Hidden]
        public string? Raw => _raw == null ? null : (_redactedRaw ?? (_redactedRaw = Redactor.RedactBody(_raw)));

        /// <summary>What -WhatIf shows: the payout as it would be sent, nothing from the service.</summary>
        internal static PayoutResult WhatIf(RemittanceRequest request, IReadOnlyList<RequestField> fields, PayoutContext context, string payee, int row = 0) => new PayoutResult
        {
            Row = row == 0 ? (int?)null : row,
            RequestId = request.RequestId,
            Outcome = "WhatIf",
            StatusMeaning = "Not sent (-WhatIf)",
            SourceAmount = RequestFields.Find(fields, "sourceAmount"),
            SourceCurrency = request.SourceCurrency,
            TargetAmount = RequestFields.Find(fields, "targetAmount"),
            TargetCurrency = request.TargetCurrency,
            Payee = payee,
            Environment = context.Environment,
            MerchantId = context.MerchantId,
        };

        internal static PayoutResult From(PayoutRecord record, PayoutContext context, string? payee, int? row = null) => new PayoutResult
        {
            Row = row == 0 ? null : row,
            RequestId = record.RequestId,
            PayoutId = record.PayoutId,
            Status = record.Status,
            StatusMeaning = record.StatusMeaning,
            IsTerminal = record.IsTerminal,
            Outcome = record.Outcome.ToString(),
            SourceAmount = record.SourceAmount,
            SourceCurrency = record.SourceCurrency,
            TargetAmount = record.TargetAmount,
            TargetCurrency = record.TargetCurrency,
            Fee = record.Fee,
            Payee = payee,
            Reason = record.Reason,
            Environment = context.Environment,
            MerchantId = context.MerchantId,
            _createTime = ServiceTime.Parse(record.CreateTime),
            _updateTime = ServiceTime.Parse(record.UpdateTime),
            _raw = record.RawJson, // redacted when first read: most batch results are never looked at
        };
    }
}
