using System.Collections.Generic;

namespace PayoutPS.Sandbox.State
{
    /// <summary>A validated remittance request (#10 or #11), ready for the state to price and book.</summary>
    internal sealed class PayoutOrder
    {
        public string RequestId { get; set; } = string.Empty;

        public string SourceCurrency { get; set; } = string.Empty;

        public string TargetCurrency { get; set; } = string.Empty;

        public string ChargeFlag { get; set; } = "N";

        /// <summary>sourceAmount for chargeFlag N, targetAmount for Y.</summary>
        public decimal Amount { get; set; }

        public string TransactionPurpose { get; set; } = string.Empty;

        public string? Reference { get; set; }

        public string? FeeBearing { get; set; }

        public string? PayerId { get; set; }

        public bool HasPayerDetail { get; set; }

        /// <summary>Every field the creating request carried except sign, as received: the control plane's judge of "as written".</summary>
        public IReadOnlyDictionary<string, string> Wire { get; set; } = new Dictionary<string, string>();

        /// <summary>#10: the approved payee to pay.</summary>
        public string? BeneficiaryId { get; set; }

        /// <summary>#11: the inline payee's method, name and account number.</summary>
        public string? PaymentMethod { get; set; }

        public string? PayeeName { get; set; }

        public string? CardNumber { get; set; }
    }
}
