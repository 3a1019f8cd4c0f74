using System;
using System.Security.Cryptography;
using System.Text;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// A requestId as the first 16 bytes of its SHA-256, for indexing a journal by requestId (<see cref="JournalRows"/>,
    /// <see cref="BatchJournal"/>): a million rows then take 16 bytes each instead of the string (about 90), which
    /// took New-Payout and Get-PayoutBatch of a million rows to 400 MB (bench/README.md). Two different requestIds
    /// share a key with a chance of about n²/2¹²⁹ (10⁻²⁷ for a million), the bet derived RequestIds, themselves
    /// 128 bits of SHA-256 (<see cref="GeneratedRequestIds"/>), already make.
    /// </summary>
    internal readonly struct RequestIdKey : IEquatable<RequestIdKey>
    {
#if !NET5_0_OR_GREATER
        [ThreadStatic]
        private static SHA256? _sha; // one per thread: a journal's million records make none
#endif

        private readonly ulong _first;
        private readonly ulong _second;

        private RequestIdKey(ulong first, ulong second)
        {
            _first = first;
            _second = second;
        }

        public static RequestIdKey Of(string requestId)
        {
#if NET5_0_OR_GREATER
            // Without allocating: this runs twice for each of a journal's rows.
            Span<byte> utf8 = requestId.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(requestId.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(requestId.Length)];
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(utf8.Slice(0, Encoding.UTF8.GetBytes(requestId, utf8)), hash);
            return new RequestIdKey(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash.Slice(8)));
#else
            var sha = _sha ?? (_sha = SHA256.Create());
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(requestId));
            return new RequestIdKey(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
#endif
        }

        public bool Equals(RequestIdKey other) => _first == other._first && _second == other._second;

        public override bool Equals(object? obj) => obj is RequestIdKey other && Equals(other);

        public override int GetHashCode() => unchecked((int)_first); // a hash's bits are already spread
    }
}
