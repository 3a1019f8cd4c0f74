using System.IO;
using System.Text;
using PayoutPS.Core.Iso20022;
using Xunit;

namespace PayoutPS.Core.Tests
{
    /// <summary>Which files are read as ISO 20022: by content, whatever their name or encoding.</summary>
    public sealed class Pain001FileTests
    {
        [Theory]
        [InlineData("<?xml version=\"1.0\"?><Document/>", "utf-8", true)]
        [InlineData("\r\n  <Document/>", "utf-8-bom", true)]
        [InlineData("<Document/>", "utf-16", true)]
        [InlineData("<Document/>", "utf-16BE", true)]
        [InlineData("RequestId,FirstName\nA,B", "utf-8", false)]
        [InlineData("", "utf-8", false)]
        public void An_xml_file_is_known_by_its_first_character(string text, string encoding, bool isXml)
        {
            var path = Path.GetTempFileName();
            try
            {
                var bytes = encoding switch
                {
                    "utf-8-bom" => new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)),
                    "utf-16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)),
                    "utf-16BE" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)),
                    _ => Encoding.UTF8.GetBytes(text),
                };
                File.WriteAllBytes(path, bytes);
                Assert.Equal(isXml, Pain001File.IsXml(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    internal static class ByteArrays
    {
        public static byte[] Concat(this byte[] first, byte[] second)
        {
            var all = new byte[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }
    }
}
