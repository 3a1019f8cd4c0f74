using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PayoutPS.Core.Signing;

namespace PayoutPS.Core.Json
{
    /// <summary>
    /// Writes and reads request bodies. Every top-level value is sent as a JSON string so that what is
    /// signed and what is sent are the same text (spec §2.1 payout specifics).
    /// </summary>
    public static class PayoutJson
    {
        // Non-ASCII stays readable (names in Chinese or Arabic); the value is identical either way once parsed.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private static readonly JsonDocumentOptions ReaderOptions = new JsonDocumentOptions { MaxDepth = 32 };

        /// <summary>The body to POST: the fields (absent ones left out) followed by <c>sign</c>.</summary>
        public static string WriteBody(IReadOnlyList<RequestField> fields, string? sign)
        {
            return Write(writer =>
            {
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    if (field.Value != null && field.Name != CanonicalString.SignFieldName)
                    {
                        writer.WriteString(field.Name, field.Value);
                    }
                }

                if (sign != null)
                {
                    writer.WriteString(CanonicalString.SignFieldName, sign);
                }

                writer.WriteEndObject();
            });
        }

        /// <summary>Compact JSON text for a nested object (payee, address, payer): serialized once, then signed and sent as is.</summary>
        public static string SerializeNested(object value, string fieldName)
        {
            return Write(writer => WriteValue(writer, value, fieldName));
        }

        /// <summary>Reads a JSON object's top-level fields as wire strings, in document order.</summary>
        public static IReadOnlyList<RequestField> ReadFields(string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, ReaderOptions);
            }
            catch (JsonException ex)
            {
                throw new PayoutRequestException($"The JSON text is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}): fix the JSON or pass a hashtable.");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new PayoutRequestException($"The JSON text is a {document.RootElement.ValueKind}; a request must be a JSON object {{ ... }}.");
                }

                var fields = new List<RequestField>();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields.Add(new RequestField(property.Name, ToWire(property.Value)));
                }

                return RequestFields.EnsureUnique(fields);
            }
        }

        private static string? ToWire(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.Number:
                    // Keep the number's own text ("100.00" stays "100.00"); it is then sent as a string.
                    return element.GetRawText();
                default:
                    return Write(writer => element.WriteTo(writer));
            }
        }

        // One buffer and writer per thread: signing a body is on the hot path of every request.
        [ThreadStatic]
        private static MemoryStream? _threadStream;

        [ThreadStatic]
        private static Utf8JsonWriter? _threadWriter;

        private static string Write(Action<Utf8JsonWriter> write)
        {
            var stream = _threadStream ?? new MemoryStream(1024);
            var writer = _threadWriter ?? new Utf8JsonWriter(stream, WriterOptions);
            _threadStream = null; // taken: a nested call (none today) would get its own
            _threadWriter = null;
            try
            {
                stream.SetLength(0);
                writer.Reset(stream);
                write(writer);
                writer.Flush();
                return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
            }
            finally
            {
                _threadStream = stream;
                _threadWriter = writer;
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, string path)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        writer.WritePropertyName(name);
                        WriteValue(writer, entry.Value, path + "." + name);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    writer.WriteStartObject();
                    foreach (var pair in pairs)
                    {
                        writer.WritePropertyName(pair.Key);
                        WriteValue(writer, pair.Value, path + "." + pair.Key);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        WriteValue(writer, item, path + "[]");
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    // Nested scalars are written as strings too: amounts and ids must never become JSON numbers.
                    writer.WriteStringValue(FieldValues.ScalarToWire(path, value));
                    break;
            }
        }
    }
}
