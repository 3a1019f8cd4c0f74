using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PayoutPS.Sandbox.State
{
    /// <summary>A page of a list as responses show it: records, then total, size and current as strings (spec §3.4).</summary>
    internal sealed class PageView<T>
    {
        [JsonPropertyName("records")] public List<T> Records { get; set; } = new List<T>();

        [JsonPropertyName("total")] public string Total { get; set; } = "0";

        [JsonPropertyName("size")] public string Size { get; set; } = "0";

        [JsonPropertyName("current")] public string Current { get; set; } = "0";
    }
}
