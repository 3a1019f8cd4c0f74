using System;
using System.Collections.Generic;
using System.Text;

namespace PayoutPS.Core.Batch
{
    /// <summary>
    /// Many short texts kept as characters in a few large blocks instead of a string each. The duplicate guard keeps
    /// a message for each of 100,000 listed payouts: as strings they are objects the collector traces and copies
    /// from generation to generation during the listing; blocks on the large object heap are neither.
    /// </summary>
    internal sealed class TextArena
    {
        private const int BlockSize = 64 * 1024; // characters: 128 KB, above the large object heap's threshold

        private readonly List<char[]> _blocks = new List<char[]>();
        private int _used = BlockSize;

        /// <summary>Keeps the builder's text; returns where it is.</summary>
        public Text Add(StringBuilder text)
        {
            if (_used + text.Length > BlockSize)
            {
                _blocks.Add(new char[Math.Max(BlockSize, text.Length)]);
                _used = 0;
            }

            var block = _blocks.Count - 1;
            text.CopyTo(0, _blocks[block], _used, text.Length);
            var kept = new Text(block, _used, text.Length);
            _used += text.Length;
            return kept;
        }

        public string this[Text text] => new string(_blocks[text.Block], text.Start, text.Length);

        /// <summary>Where a text is: its block, first character and length.</summary>
        public readonly struct Text
        {
            public Text(int block, int start, int length)
            {
                Block = block;
                Start = start;
                Length = length;
            }

            public int Block { get; }

            public int Start { get; }

            public int Length { get; }
        }
    }
}
