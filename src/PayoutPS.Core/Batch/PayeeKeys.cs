using System;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// 64-bit keys for the duplicate guard (FNV-1a over the UTF-16 code units): compact enough to hold a hundred
    /// thousand earlier payouts, and never a full account number. A collision can only hold a row back, never pay
    /// one. A key is the same number in every process (FNV over the characters, no per-process seed), so a journal
    /// can keep one (a guarded row's key, read back by <see cref="JournalDoubles"/>).
    /// </summary>
    public static class PayeeKeys
    {
        /// <summary>
        /// A payee (as <see cref="BatchRow.Describe"/> writes it: name and masked account, or the payee id) and a currency,
        /// told apart as the service tells payees apart: by account, not by how the name is written. A re-exported file
        /// that writes "tester3" for "Tester3", or "Ana" for "Anna", on a paid row's account meets the paid row it is.
        /// </summary>
        public static ulong OfPayee(string? payee, string? currency) => Of(Identity(payee), currency);

        /// <summary>The masked account ("****3000") of "Name ****3000"; otherwise (a payee id) the text as people read it.</summary>
        private static string? Identity(string? payee)
        {
            if (payee == null)
            {
                return null;
            }

            var trimmed = payee.Trim();
            var account = trimmed.Substring(trimmed.LastIndexOf(' ') + 1);
            return account.StartsWith("****", StringComparison.Ordinal) ? account : Account.PayeeNames.Key(payee);
        }

        public static ulong Of(params string?[] parts)
        {
            var key = KeyBuilder.Start;
            foreach (var part in parts)
            {
                key = key.Part(part.AsSpan());
            }

            return key.Value;
        }
    }

    /// <summary>
    /// A key built part by part without making the parts as strings first: the guard keys 200,000 listed amounts,
    /// currencies and payees per 100,000 payouts. Parts are separated, so ("ab","c") and ("a","bc") differ.
    /// </summary>
    public readonly struct KeyBuilder
    {
        private const ulong Prime = 1099511628211UL;
        private readonly ulong _hash;

        private KeyBuilder(ulong hash) => _hash = hash;

        public static KeyBuilder Start => new KeyBuilder(14695981039346656037UL);

        /// <summary>The key; never 0, which callers may use for "none".</summary>
        public ulong Value => _hash == 0 ? 1 : _hash;

        /// <summary>Adds the characters of one part, and ends the part.</summary>
        public KeyBuilder Part(ReadOnlySpan<char> text) => Add(text, upper: false).End();

        /// <summary>Adds one part with ASCII letters as capitals: "usd" and "USD" are one currency.</summary>
        public KeyBuilder UpperPart(ReadOnlySpan<char> text) => Add(text, upper: true).End();

        /// <summary>Adds characters to the current part without ending it.</summary>
        public KeyBuilder Add(ReadOnlySpan<char> text, bool upper = false)
        {
            var hash = _hash;
            foreach (var character in text)
            {
                var c = upper && character >= 'a' && character <= 'z' ? (char)(character - 32) : character;
                hash = (hash ^ (c & 0xFFu)) * Prime;
                hash = (hash ^ (uint)(c >> 8)) * Prime;
            }

            return new KeyBuilder(hash);
        }

        /// <summary>Ends the current part.</summary>
        public KeyBuilder End() => new KeyBuilder((_hash ^ 0x1F) * Prime);
    }
}
