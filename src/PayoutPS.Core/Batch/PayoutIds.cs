using System;
using System.Collections.Generic;
using System.Globalization;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Ids numbered 0, 1, 2… in the order added, held exactly but compactly: an id written as a plain number (what
    /// the service gives, 19 digits) is kept as that number, any other as its text. A million ids take about 36 MB
    /// instead of a million strings.
    /// </summary>
    internal sealed class PayoutIds
    {
        private readonly Dictionary<ulong, int> _numbers;
        private readonly List<ulong> _byIndex; // the number, or Text for an id kept as text
        private readonly Dictionary<string, int> _texts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _textByIndex = new Dictionary<int, string>();

        private const ulong Text = ulong.MaxValue; // never a number's value: 20 digits are not taken as one

        public PayoutIds(int capacity)
        {
            _numbers = new Dictionary<ulong, int>(capacity);
            _byIndex = new List<ulong>(capacity);
        }

        public int Count => _byIndex.Count;

        /// <summary>The id's number; with <paramref name="add"/> a new id gets the next one, else -1 for an unknown id.</summary>
        public int IndexOf(string id, bool add)
        {
            var isNumber = TryNumber(id, out var number);
            if (isNumber ? _numbers.TryGetValue(number, out var index) : _texts.TryGetValue(id, out index))
            {
                return index;
            }

            if (!add)
            {
                return -1;
            }

            index = _byIndex.Count;
            if (isNumber)
            {
                _numbers[number] = index;
                _byIndex.Add(number);
            }
            else
            {
                _texts[id] = index;
                _textByIndex[index] = id;
                _byIndex.Add(Text);
            }

            return index;
        }

        /// <summary>The id numbered <paramref name="index"/>, as it was given.</summary>
        public string IdAt(int index)
        {
            var number = _byIndex[index];
            return number == Text ? _textByIndex[index] : number.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Only a number that reads back as the same text: no sign, no leading zero, at most 19 digits.</summary>
        internal static bool TryNumber(string id, out ulong number)
        {
            number = 0;
            if (id.Length == 0 || id.Length > 19 || (id[0] == '0' && id.Length > 1))
            {
                return false;
            }

            foreach (var c in id)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                number = number * 10 + (ulong)(c - '0');
            }

            return true;
        }
    }
}
