using System;
using System.Globalization;
using PayoutPS.Core.Input;

namespace PayoutPS.Internal
{
    /// <summary>The CSV file New-Payout -Path pays: where it is, what it hashed to, and its reader.</summary>
    internal sealed class InputFile
    {
        public InputFile(string fullPath, string hash, CsvFile csv)
        {
            FullPath = fullPath;
            Hash = hash;
            Csv = csv;
        }

        public string FullPath { get; }

        public string Hash { get; }

        public CsvFile Csv { get; }

        /// <summary>"utf-8", "1252", "windows-1252"…; null for strict UTF-8.</summary>
        public static System.Text.Encoding? EncodingOf(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

#if !NETFRAMEWORK
            // .NET Core knows only the Unicode encodings until the code pages are registered.
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
#endif
            return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage)
                ? System.Text.Encoding.GetEncoding(codePage)
                : System.Text.Encoding.GetEncoding(name!.Trim());
        }
    }
}
