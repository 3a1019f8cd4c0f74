using System;
using System.IO;
using PayoutPS.Core.Batch;

namespace PayoutPS.Core.Tests
{
    /// <summary>A journal in its own temporary folder, read the way another process would while it is open.</summary>
    public abstract class JournalFiles : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "payoutps-journal-" + Guid.NewGuid().ToString("N"));

        protected JournalFiles() => Directory.CreateDirectory(_dir);

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        protected string Dir => _dir;

        protected string JournalPath => Path.Combine(_dir, "batch.journal");

        protected static JournalHeader Header() => new JournalHeader
        {
            BatchId = "0123456789abcdef0123456789abcdef", CreatedUtc = DateTime.UtcNow, Merchant = "800100", Environment = "Local", BaseUri = "http://127.0.0.1:1/payout",
        };

        protected static string ReadShared(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
