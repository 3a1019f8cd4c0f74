using System;
using System.IO;
using System.Security.Cryptography;

namespace PayoutPS.Core.Input
{
    /// <summary>
    /// An input file's bytes as they were when it was opened: one handle serves every pass (decode check, hash, cost,
    /// pay), and each pass reads the same <see cref="Length"/> bytes from the start. Rows appended while a batch runs
    /// are not read, and a file replaced under its name (an editor's save) is not either: the batch pays exactly the
    /// bytes it checked, hashed and priced. Writers are shut out where the system enforces it (Windows); a change in
    /// place is caught by the pay pass's hash (<see cref="HashingPass"/>).
    /// </summary>
    public sealed class InputBytes : IDisposable
    {
        /// <summary>How much a pass reads at a time (the handle itself buffers nothing).</summary>
        public const int BufferSize = 64 * 1024;

        private readonly FileStream _file;

        private readonly DateTime _written;

        private InputBytes(string path, FileStream file)
        {
            Path = path;
            _file = file;
            Length = file.Length;
            _written = File.GetLastWriteTimeUtc(path);
        }

        public string Path { get; }

        /// <summary>How many bytes every pass reads.</summary>
        public long Length { get; }

        /// <summary>Opens <paramref name="path"/>; a pipe or device (which cannot be read twice) is refused.</summary>
        public static InputBytes Open(string path)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan); // unbuffered: each pass reads the disk, not what an earlier pass left in a buffer
            if (!file.CanSeek)
            {
                file.Dispose();
                throw new PayoutRequestException(
                    $"{path} is a pipe or a device, which can be read only once: its rows must be checked, hashed and priced before the first is paid. " +
                    "Save it to a file first (for example: Get-Content -Raw $source | Set-Content payroll.csv), then give that file to -Path. Nothing was sent.", "Path");
            }

            return new InputBytes(path, file);
        }

        /// <summary>A new pass from the first byte to <see cref="Length"/> (passes take turns: one at a time).</summary>
        public Stream Read()
        {
            _file.Position = 0;
            return new Window(_file, Length);
        }

        /// <summary>SHA-256 of the bytes, lowercase hex.</summary>
        public string Sha256()
        {
            using (var pass = new BufferedStream(Read(), BufferSize))
            using (var sha = SHA256.Create())
            {
                return Signing.Hex.ToLower(sha.ComputeHash(pass));
            }
        }

        /// <summary>A pass that hashes what it reads: after the last byte, <see cref="HashingPass.Hash"/> tells whether these were the bytes checked.</summary>
        public HashingPass ReadHashing() => new HashingPass(Read());

        /// <summary>Whether the file under <see cref="Path"/> now differs in size or write time from the bytes read (appended to, or replaced).</summary>
        public bool ChangedOnDisk()
        {
            var now = new FileInfo(Path);
            return !now.Exists || now.Length != Length || now.LastWriteTimeUtc != _written;
        }

        public void Dispose() => _file.Dispose();

        /// <summary>Reads the shared handle up to a fixed length, and leaves the handle open.</summary>
        private sealed class Window : Stream
        {
            private readonly FileStream _file;
            private readonly long _length;

            public Window(FileStream file, long length)
            {
                _file = file;
                _length = length;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _length;

            public override long Position
            {
                get => _file.Position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var left = _length - _file.Position;
                return left <= 0 ? 0 : _file.Read(buffer, offset, (int)Math.Min(count, left));
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
