using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using PayoutPS.Core.Batch;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>A journal that cannot vanish, empty or fork silently: what happens to the file around a run.</summary>
    public sealed class JournalSafetyTests : JournalFiles
    {
        [Fact]
        public void A_new_journal_appears_with_its_header_and_leaves_no_temporary_file()
        {
            using (BatchJournal.Open(JournalPath, Header()))
            {
                Assert.StartsWith("{\"type\":\"header\"", ReadShared(JournalPath));
            }

            Assert.Equal(new[] { "batch.journal", "batch.journal.lock" }, Directory.GetFiles(Dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public async Task An_intent_is_acknowledged_only_after_it_was_flushed_to_the_device()
        {
            var flushes = new System.Collections.Concurrent.ConcurrentQueue<(bool ToDevice, long Length)>();
            using (var journal = BatchJournal.Open(JournalPath, Header()))
            {
                journal.FlushTo = (stream, toDevice) =>
                {
                    stream.Flush(flushToDisk: toDevice);
                    flushes.Enqueue((toDevice, stream.Length));
                };

                await journal.RecordIntentAsync(1, "F-1", "hash", "10.00", "USD", "Anna Müller ****3000");

                // When the intent's task completes the row may be sent: by then its line must have gone to the device.
                var lengthWithIntent = new FileInfo(JournalPath).Length;
                Assert.Contains(flushes, f => f.ToDevice && f.Length == lengthWithIntent);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n")]
        public void An_existing_empty_journal_is_refused_never_taken_for_a_new_batch(string text)
        {
            File.WriteAllText(JournalPath, text);

            var error = Assert.Throws<JournalException>(() => BatchJournal.Open(JournalPath, Header()));
            Assert.Contains(text.Length == 0 ? "is empty" : "no header", error.Message);
            Assert.Equal(text, File.ReadAllText(JournalPath)); // left as found
        }

        [Fact]
        public void A_folder_or_a_missing_folder_is_named_as_such()
        {
            Assert.Contains("is a folder", Assert.Throws<JournalException>(() => BatchJournal.Open(Dir, Header())).Message);
            Assert.Contains("does not exist", Assert.Throws<JournalException>(() => BatchJournal.Open(Path.Combine(Dir, "missing", "x.journal"), Header())).Message);
        }

        [Theory]
        [InlineData("deleted", "was deleted")]
        [InlineData("emptied", "was emptied")]
        [InlineData("replaced", "was replaced")]
        [InlineData("folder", "lost its folder")]
        public async Task A_journal_lost_while_the_run_writes_stops_the_next_intent_and_everything_after(string what, string said)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return; // Windows refuses all four while the journal is open
            }

            var folder = Path.Combine(Dir, "run");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "batch.journal");
            using var journal = BatchJournal.Open(path, Header());
            await journal.RecordIntentAsync(1, "R-1", new string('1', 64), "1.00", "USD", "p");

            switch (what)
            {
                case "deleted": File.Delete(path); break;
                case "emptied": new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite).Dispose(); break;
                case "replaced": File.Delete(path); File.WriteAllText(path, new string('x', 4000)); break;
                case "folder": Directory.Delete(folder, recursive: true); break;
            }

            var error = await Assert.ThrowsAsync<JournalException>(() => journal.RecordIntentAsync(2, "R-2", new string('2', 64), "1.00", "USD", "p"));
            Assert.Contains(said, error.Message);
            await Assert.ThrowsAsync<JournalException>(() => journal.RecordIntentAsync(3, "R-3", new string('3', 64), "1.00", "USD", "p"));
        }

        [Fact]
        public async Task After_a_failed_write_the_journal_is_released_so_a_rerun_in_the_same_process_can_open_it()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return;
            }

            var journal = BatchJournal.Open(JournalPath, Header());
            await journal.RecordIntentAsync(1, "R-1", new string('1', 64), "1.00", "USD", "p");
            var keep = File.ReadAllBytes(JournalPath);
            File.Delete(JournalPath);
            await Assert.ThrowsAsync<JournalException>(() => journal.RecordIntentAsync(2, "R-2", new string('2', 64), "1.00", "USD", "p"));

            journal.Dispose(); // must not throw, and must let go of the lock
            File.WriteAllBytes(JournalPath, keep); // the file restored from a backup
            using var rerun = BatchJournal.Open(JournalPath, Header());
            Assert.True(rerun.IsResumed);
            Assert.NotNull(rerun.Find("R-1"));
        }

        [Fact]
        public void The_lock_file_outlives_the_run_so_no_third_run_can_lock_a_new_file_beside_a_second()
        {
            using (BatchJournal.Open(JournalPath, Header()))
            {
            }

            Assert.True(File.Exists(JournalPath + ".lock"));
            using (BatchJournal.Open(JournalPath, Header()))
            {
                Assert.Throws<JournalException>(() => BatchJournal.Open(JournalPath, Header()));
            }
        }
    }
}
