namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// 64-bit keys for the duplicate guard (FNV-1a over the UTF-16 code units): compact enough to hold a hundred
    /// thousand earlier payouts, and never a full account number. A collision can only hold a row back, never pay
    /// one. The keys live only in memory, so they need no stable byte encoding.
    /// </summary>
    public static class PayeeKeys
    {
        public static ulong Of(params string?[] parts)
        {
            var hash = 14695981039346656037UL;
            foreach (var part in parts)
            {
                foreach (var c in part ?? string.Empty)
                {
                    hash = (hash ^ (c & 0xFFu)) * 1099511628211UL;
                    hash = (hash ^ (uint)(c >> 8)) * 1099511628211UL;
                }

                hash = (hash ^ 0x1F) * 1099511628211UL; // a separator: ("ab","c") and ("a","bc") differ
            }

            return hash == 0 ? 1 : hash;
        }
    }
}
