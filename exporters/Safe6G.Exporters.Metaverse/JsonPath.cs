using System.Globalization;
using System.Text.Json;

namespace Safe6G.Exporters.Metaverse;

/// <summary>Dot-path lookups (<c>stream.network.uplinkKbps</c>) into the manager's JSON; a wrong type reads as absent.</summary>
internal static class JsonPath
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        if (path.Length == 0)
            return root;
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                return null;
        }
        return current;
    }

    public static string? Text(JsonElement root, string path) =>
        path.Length == 0 ? null : Find(root, path) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => null,
        };

    /// <summary>The number at <paramref name="path"/>; <paramref name="present"/> tells "absent" from "wrong type".</summary>
    public static double? Number(JsonElement root, string path, out bool present)
    {
        present = false;
        if (path.Length == 0 || Find(root, path) is not { } e || e.ValueKind == JsonValueKind.Null)
            return null;
        present = true;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
            _ => null,
        };
    }
}
