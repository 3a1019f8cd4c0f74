using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PayoutPS.Core.Approval
{
    /// <summary>
    /// One approver's signed statement that a batch file may be paid: exactly these bytes (SHA-256), this many rows
    /// with these totals, for this merchant and environment, until a time. One JSON line of a file's approvals file
    /// (payroll.csv.approvals). The signature covers <see cref="CanonicalText"/>: RSASSA-PKCS1-v1_5 with SHA-256
    /// over its UTF-8 bytes, by the key of <see cref="Certificate"/>, so anyone with openssl can check it.
    /// </summary>
    public sealed class BatchApproval
    {
        public const string Format = "PayoutPS batch approval 1";

        /// <summary>The approved file's name (without folder: the approval travels with the file).</summary>
        public string File { get; set; } = string.Empty;

        /// <summary>SHA-256 of the file's bytes, 64 lowercase hex characters.</summary>
        public string Sha256 { get; set; } = string.Empty;

        public int Rows { get; set; }

        /// <summary>The send totals per source currency as the approver saw them ("EUR 4,800.00 in 1; USD 3,041.16 in 4").</summary>
        public string Totals { get; set; } = string.Empty;

        public string Merchant { get; set; } = string.Empty;

        public string Environment { get; set; } = string.Empty;

        /// <summary>The approver's certificate subject (RFC 2253 form).</summary>
        public string Approver { get; set; } = string.Empty;

        /// <summary>The approver's certificate thumbprint (SHA-1, uppercase hex, as Windows shows it).</summary>
        public string Thumbprint { get; set; } = string.Empty;

        public DateTime SignedUtc { get; set; }

        public DateTime ExpiresUtc { get; set; }

        public string Comment { get; set; } = string.Empty;

        /// <summary>The approver's certificate (DER, base64): its public key checks the signature. Never a private key.</summary>
        public string Certificate { get; set; } = string.Empty;

        /// <summary>The signature over <see cref="CanonicalText"/>, base64.</summary>
        public string Signature { get; set; } = string.Empty;

        /// <summary>
        /// What is signed: one "name: value" line per field in this order, each ending in "\n", times in ISO 8601 UTC
        /// to the second, a comment's line breaks written as "\n" and backslashes as "\\".
        /// </summary>
        public string CanonicalText()
        {
            var text = new StringBuilder();
            void Line(string name, string value) => text.Append(name).Append(": ").Append(value).Append('\n');
            text.Append(Format).Append('\n');
            Line("file", Escape(File));
            Line("sha256", Sha256);
            Line("rows", Rows.ToString(CultureInfo.InvariantCulture));
            Line("totals", Escape(Totals));
            Line("merchant", Merchant);
            Line("environment", Environment);
            Line("approver", Escape(Approver));
            Line("thumbprint", Thumbprint);
            Line("signed", Time(SignedUtc));
            Line("expires", Time(ExpiresUtc));
            Line("comment", Escape(Comment));
            return text.ToString();
        }

        public static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The approval as one line of the approvals file.</summary>
        public string ToJsonLine()
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("format", Format);
                w.WriteString("file", File);
                w.WriteString("sha256", Sha256);
                w.WriteNumber("rows", Rows);
                w.WriteString("totals", Totals);
                w.WriteString("merchant", Merchant);
                w.WriteString("environment", Environment);
                w.WriteString("approver", Approver);
                w.WriteString("thumbprint", Thumbprint);
                w.WriteString("signed", Time(SignedUtc));
                w.WriteString("expires", Time(ExpiresUtc));
                w.WriteString("comment", Comment);
                w.WriteString("certificate", Certificate);
                w.WriteString("signature", Signature);
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>One line of an approvals file; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
        public static BatchApproval Parse(string line)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                throw new FormatException("it is not a JSON approval (edited by hand, or cut short?)");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != Format)
                {
                    throw new FormatException($"it is not a \"{Format}\" record");
                }

                return new BatchApproval
                {
                    File = Text(root, "file"),
                    Sha256 = Text(root, "sha256"),
                    Rows = root.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Number && rows.TryGetInt32(out var n) ? n : throw new FormatException("its rows are not a number"),
                    Totals = Text(root, "totals"),
                    Merchant = Text(root, "merchant"),
                    Environment = Text(root, "environment"),
                    Approver = Text(root, "approver"),
                    Thumbprint = Text(root, "thumbprint"),
                    SignedUtc = UtcTime(root, "signed"),
                    ExpiresUtc = UtcTime(root, "expires"),
                    Comment = Text(root, "comment"),
                    Certificate = Text(root, "certificate"),
                    Signature = Text(root, "signature"),
                };
            }
        }

        private static string Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"its {name} is missing");

        private static DateTime UtcTime(JsonElement root, string name) =>
            DateTime.TryParseExact(Text(root, name), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? time : throw new FormatException($"its {name} time is not yyyy-MM-ddTHH:mm:ssZ");

        private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
