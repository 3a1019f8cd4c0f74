using System.Collections.Generic;
using System.Linq;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// A name whose one word mixes Latin, Cyrillic and Greek letters ("Аnna" with a Cyrillic А) looks right on screen
    /// and is another name to a bank's screening. Not refused (a name may be written so), but warned about, naming the
    /// letter that differs.
    /// </summary>
    public static class NameScripts
    {
        private enum Script
        {
            Latin,
            Cyrillic,
            Greek,
        }

        /// <summary>The warning for <paramref name="value"/> of <paramref name="field"/>; null when no word mixes scripts.</summary>
        public static string? Mixed(string field, string? value)
        {
            if (string.IsNullOrEmpty(value) || OnlyLatin(value!))
            {
                return null; // every row's names are checked on the pipeline thread: the common case allocates nothing
            }

            foreach (var word in value!.Split(' ', '-', '\'', '.', ','))
            {
                var letters = word.Select(c => (Char: c, Script: ScriptOf(c))).Where(l => l.Script != null).ToList();
                var scripts = letters.GroupBy(l => l.Script!.Value).OrderByDescending(g => g.Count()).ToList();
                if (scripts.Count > 1)
                {
                    var odd = scripts.Last().First();
                    return $"{field} '{value}' mixes {scripts[0].Key} and {odd.Script} letters in the word '{word}': '{odd.Char}' (U+{(int)odd.Char:X4}) is {odd.Script}. " +
                           "A look-alike letter makes it another name to the bank: check it is the name meant.";
                }
            }

            return null;
        }

        private static bool OnlyLatin(string value)
        {
            foreach (var c in value)
            {
                if (c >= 0x0250 && char.IsLetter(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static Script? ScriptOf(char c)
        {
            if (!char.IsLetter(c))
            {
                return null;
            }

            if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF))
            {
                return Script.Latin; // Basic Latin, Latin-1, Extended-A/B, Extended Additional
            }

            if ((c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F))
            {
                return Script.Cyrillic;
            }

            return c >= 0x0370 && c <= 0x03FF ? Script.Greek : (Script?)null;
        }
    }
}
