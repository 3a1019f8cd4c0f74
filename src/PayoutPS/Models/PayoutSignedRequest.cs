using System.Collections;
using PayoutPS.Core.Signing;

namespace PayoutPS.Models
{
    /// <summary>What Protect-PayoutRequest emits: a body ready to POST and how it was signed.</summary>
    public sealed class PayoutSignedRequest
    {
        internal PayoutSignedRequest(SignedRequest signed, string? uri)
        {
            Body = signed.Body;
            Sign = signed.Sign;
            Algorithm = signed.Algorithm;
            MerchantNo = signed.MerchantNo;
            CanonicalString = signed.CanonicalString;
            Uri = uri;
        }

        public string Body { get; }

        public string Sign { get; }

        public string Algorithm { get; }

        public string? MerchantNo { get; }

        /// <summary>The signed text without the secret, to compare with what the service computed.</summary>
        public string CanonicalString { get; }

        public string? Uri { get; }

        /// <summary>Parameters for splatting: <c>$p = $r.RestParameters; Invoke-RestMethod @p</c>.</summary>
        public Hashtable RestParameters
        {
            get
            {
                var parameters = new Hashtable
                {
                    ["Method"] = "Post",
                    ["ContentType"] = "application/json; charset=utf-8",
                    ["Body"] = Body,
                };
                if (Uri != null)
                {
                    parameters["Uri"] = Uri;
                }

                return parameters;
            }
        }
    }
}
