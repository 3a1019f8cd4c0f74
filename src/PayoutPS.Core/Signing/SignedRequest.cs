using System.Collections.Generic;

namespace PayoutPS.Core.Signing
{
    /// <summary>A request ready to POST: the JSON body with its <c>sign</c>, and how the sign was made.</summary>
    public sealed class SignedRequest
    {
        internal SignedRequest(IReadOnlyList<RequestField> fields, string canonical, string sign, string algorithm)
        {
            Fields = fields;
            CanonicalString = canonical;
            Sign = sign;
            Algorithm = algorithm;
            Body = Json.PayoutJson.WriteBody(fields, sign);
        }

        public IReadOnlyList<RequestField> Fields { get; }

        /// <summary>The signed text, without the secret that the SHA-256 scheme appends.</summary>
        public string CanonicalString { get; }

        public string Sign { get; }

        public string Algorithm { get; }

        public string Body { get; }

        public string? MerchantNo => RequestFields.Find(Fields, "merchantNo");
    }
}
