using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Output;

/// <summary>Serialises the model as Grafana writes it: camelCase, nulls left out, two-space indent, "\n" line ends.</summary>
public static class DashboardJson
{
    /// <summary>Options shared by the file writer and the API client.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // PromQL is full of quotes and =~; keep them readable instead of \u0022 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The dashboard as a JSON object (the body Grafana's API expects under "dashboard").</summary>
    public static JsonObject ToNode(Dashboard dashboard)
    {
        var node = JsonSerializer.SerializeToNode(dashboard, Options)!.AsObject();
        // Grafana exports "id": null; the serializer drops nulls, so write it explicitly.
        var ordered = new JsonObject { ["id"] = null };
        foreach (var (key, value) in node)
        {
            if (key != "id")
                ordered[key] = value?.DeepClone();
        }
        return ordered;
    }

    /// <summary>Text of a JSON node with our options and a final newline.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";
}
