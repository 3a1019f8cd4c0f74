using System.Linq;
using System.Text;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    public class TextArenaTests
    {
        [Fact]
        public void Every_text_reads_back_as_written_across_blocks_and_longer_than_a_block()
        {
            var arena = new TextArena();
            var written = Enumerable.Range(0, 20_000).Select(i => $"payout {i} → {new string('x', i % 50)}").ToList();
            written.Insert(7_000, new string('y', 200_000)); // longer than a block of 64 K characters
            var builder = new StringBuilder();

            var kept = written.Select(text => arena.Add(builder.Clear().Append(text))).ToList();

            Assert.Equal(written, kept.Select(at => arena[at]));
        }
    }
}
