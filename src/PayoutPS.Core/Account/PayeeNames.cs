using System;
using System.Text;

namespace PayoutPS.Core.Account
{
    /// <summary>Whether two payee names are the same name as people read it: case, accents' encoding and spacing aside.</summary>
    public static class PayeeNames
    {
        public static bool Same(string? a, string? b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

        /// <summary>The name as people read it: NFC, trimmed, runs of spaces as one, in capitals.</summary>
        public static string Key(string? name)
        {
            var text = (name ?? string.Empty).Normalize(NormalizationForm.FormC);
            var key = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = key.Length > 0;
                    continue;
                }

                if (space)
                {
                    key.Append(' ');
                    space = false;
                }

                key.Append(char.ToUpperInvariant(c));
            }

            return key.ToString();
        }
    }
}
