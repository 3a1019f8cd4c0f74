using System.Collections.Generic;
using PayoutPS.Core.Payouts;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Batch
{
    /// <summary>One checked row, ready to send: its request, its signed-to-be fields and where it came from.</summary>
    public sealed class BatchRow
    {
        /// <summary>The payee for people and for the journal: name and masked account, or the beneficiary id.</summary>
        public static string Describe(RemittanceRequest request) => request.Payee == null
            ? $"payee {request.BeneficiaryId}"
            : $"{request.Payee.DisplayName} {Redaction.Redactor.MaskAccount(request.Payee.AccountNumber)}";

        public BatchRow(int row, RemittanceRequest request, IReadOnlyList<RequestField> fields, string contentHash, string payee, bool mayAlreadyExist, bool derivedId = false)
        {
            DerivedId = derivedId;
            Row = row;
            Request = request;
            Fields = fields;
            ContentHash = contentHash;
            Payee = payee;
            MayAlreadyExist = mayAlreadyExist;
        }

        /// <summary>1-based position in the input; 0 for a payout given on the command line.</summary>
        public int Row { get; }

        public RemittanceRequest Request { get; }

        public IReadOnlyList<RequestField> Fields { get; }

        public string ContentHash { get; }

        /// <summary>The payee for people: name and masked account, or the beneficiary id.</summary>
        public string Payee { get; }

        /// <summary>An earlier run recorded its intent but no outcome: look it up before sending.</summary>
        public bool MayAlreadyExist { get; }

        public string RequestId => Request.RequestId;

        /// <summary>The duplicate guard's key (payee, amounts, currencies, reference) of a row without its own RequestId that the guard checked; 0 otherwise (-AllowDuplicate, or a RequestId of its own).</summary>
        public ulong GuardKey { get; internal set; }

        /// <summary>The RequestId was derived from the batch's seed and the row, not given by the row.</summary>
        public bool DerivedId { get; }

        /// <summary>The amount as sent: the send amount, or the amount to arrive.</summary>
        public string Amount => RequestFields.Find(Fields, "sourceAmount") ?? RequestFields.Find(Fields, "targetAmount") ?? string.Empty;

        /// <summary>The currency <see cref="Amount"/> is in.</summary>
        public string Currency => Request.SendAmount != null ? Request.SourceCurrency : Request.TargetCurrency;
    }

    /// <summary>How one row ended: a payout, or the error that says why not (and whether it is in doubt).</summary>
    public sealed class BatchResult
    {
        public BatchResult(BatchRow row, PayoutRecord? payout, System.Exception? error, bool notSent = false)
        {
            Row = row;
            Payout = payout;
            Error = error;
            NotSent = notSent;
        }

        /// <summary>The run stopped before this row's request left: no payout, no error, nothing sent.</summary>
        public bool NotSent { get; }

        public BatchRow Row { get; }

        public PayoutRecord? Payout { get; }

        public System.Exception? Error { get; }
    }
}
