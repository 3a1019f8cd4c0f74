using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayoutPS.Core.Redaction
{
    /// <summary>
    /// The one place that decides what may be shown. Verbose, Debug, error records and (later) the journal
    /// all pass bodies through here: sign and secrets are cut, account numbers keep their last four digits.
    /// </summary>
    public static class Redactor
    {
        private static readonly HashSet<string> AccountFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "cardNumber", "walletPhone", "phone", "vatNumber", "sortCode", "branchCode", "identityNumber", "idNumber", "iban", "accountNumber",
        };

        private static readonly Regex SecretName = new Regex("secret|password|passphrase|privatekey|apikey|token", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex LongDigits = new Regex(@"\d{9,}", RegexOptions.CultureInvariant);
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>"DE89370400440532013000" → "****3000".</summary>
        public static string MaskAccount(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            return value!.Length <= 4 ? "****" : "****" + Input.AccountNumber.LastFour(value.AsSpan()).ToString();
        }

        /// <summary>Free text (an error message) with long digit runs masked, for the journal and logs.</summary>
        public static string RedactText(string? text) => string.IsNullOrEmpty(text) ? string.Empty : LongDigits.Replace(text!, m => MaskAccount(m.Value));

        /// <summary>A request or response body made safe to show. Text that is not JSON has long digit runs masked.</summary>
        public static string RedactBody(string? body)
        {
            if (string.IsNullOrEmpty(body))
            {
                return string.Empty;
            }

            try
            {
                using (var document = JsonDocument.Parse(body!))
                using (var stream = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(stream, WriterOptions))
                    {
                        Write(writer, document.RootElement, null);
                    }

                    return Encoding.UTF8.GetString(stream.ToArray());
                }
            }
            catch (JsonException)
            {
                return LongDigits.Replace(body!, m => MaskAccount(m.Value));
            }
        }

        private static void Write(Utf8JsonWriter writer, JsonElement element, string? name)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, property.Name);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(writer, item, name);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(RedactValue(name, element.GetString()!));
                    break;
                default:
                    if (name != null && (AccountFields.Contains(name) || SecretName.IsMatch(name)))
                    {
                        writer.WriteStringValue(RedactValue(name, element.GetRawText()));
                    }
                    else
                    {
                        element.WriteTo(writer);
                    }

                    break;
            }
        }

        private static string RedactValue(string? name, string value)
        {
            if (name == null)
            {
                return value;
            }

            if (name == "sign")
            {
                return "(redacted)";
            }

            if (SecretName.IsMatch(name))
            {
                return "(redacted)";
            }

            if (AccountFields.Contains(name))
            {
                return MaskAccount(value);
            }

            // Nested payee and payer objects travel as JSON strings: redact inside them too.
            var trimmed = value.TrimStart();
            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                var inner = RedactBody(value);
                return inner;
            }

            return value;
        }
    }
}
