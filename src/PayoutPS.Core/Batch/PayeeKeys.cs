using System.Text;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// 64-bit keys for the duplicate guard (FNV-1a over UTF-8): compact enough to hold a hundred thousand
    /// earlier payouts, and never a full account number. A collision can only hold a row back, never pay one.
    /// </summary>
    public static class PayeeKeys
    {
        public static ulong Of(params string?[] parts)
        {
            var hash = 14695981039346656037UL;
            foreach (var part in parts)
            {
                foreach (var b in Encoding.UTF8.GetBytes(part ?? string.Empty))
                {
                    hash = (hash ^ b) * 1099511628211UL;
                }

                hash = (hash ^ 0x1F) * 1099511628211UL; // a separator: ("ab","c") and ("a","bc") differ
            }

            return hash == 0 ? 1 : hash;
        }
    }
}
