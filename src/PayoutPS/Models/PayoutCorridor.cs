using PayoutPS.Core.Payouts;

namespace PayoutPS.Models
{
    /// <summary>One way to pay a corridor (Get-PayoutPaymentMethod).</summary>
    public sealed class PayoutPaymentMethod
    {
        internal PayoutPaymentMethod(string country, string currency, string payeeType, string method)
        {
            Country = country;
            Currency = currency;
            PayeeType = payeeType;
            PaymentMethod = method;
        }

        public string Country { get; }

        public string Currency { get; }

        public string PayeeType { get; }

        public string PaymentMethod { get; }
    }

    /// <summary>One payee field a corridor needs (Get-PayoutRequiredField), with the parameter that fills it.</summary>
    public sealed class PayoutRequiredField
    {
        internal PayoutRequiredField(string country, string currency, string method, string payeeType, string field, string required)
        {
            Country = country;
            Currency = currency;
            PaymentMethod = method;
            PayeeType = payeeType;
            Field = field;
            Required = required;
            Parameter = PayeeFieldNames.ParameterFor(field);
        }

        public string Country { get; }

        public string Currency { get; }

        public string PaymentMethod { get; }

        public string PayeeType { get; }

        /// <summary>The API's field, such as receiverInfo.firstName.</summary>
        public string Field { get; }

        /// <summary>M mandatory, C conditional, N optional.</summary>
        public string Required { get; }

        public bool IsMandatory => Required == "M";

        /// <summary>Required in words: Mandatory, Conditional (needed in some cases) or Optional.</summary>
        public string RequiredName => Required == "M" ? "Mandatory" : Required == "C" ? "Conditional" : Required == "N" ? "Optional" : Required;

        /// <summary>The New-Payout / New-PayoutBeneficiary parameter (CSV column) that fills the field; PayeeDetail when none does.</summary>
        public string Parameter { get; }
    }
}
