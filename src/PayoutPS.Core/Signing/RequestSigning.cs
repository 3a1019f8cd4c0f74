using System;
using System.Collections.Generic;

namespace PayoutPS.Core.Signing
{
    /// <summary>Signs a request: canonical string, then the signer, then the body with <c>sign</c>.</summary>
    public static class RequestSigning
    {
        public static SignedRequest Sign(IReadOnlyList<RequestField> fields, RequestSigner signer, ICollection<string>? excluded = null)
        {
            if (signer == null)
            {
                throw new ArgumentNullException(nameof(signer));
            }

            var canonical = CanonicalString.Build(fields, excluded);
            return new SignedRequest(WithoutSign(fields), canonical, signer.Sign(canonical), signer.AlgorithmName);
        }

        private static IReadOnlyList<RequestField> WithoutSign(IReadOnlyList<RequestField> fields)
        {
            var result = new List<RequestField>(fields.Count);
            foreach (var field in fields)
            {
                if (field.Name != CanonicalString.SignFieldName)
                {
                    result.Add(field);
                }
            }

            return result;
        }
    }
}
