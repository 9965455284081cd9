using System.Globalization;
using System.Text.Json;

namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>
/// Forgiving readers for CNC JSON: keys matched case-insensitively (public clients show both
/// <c>serviceProfile</c> and <c>ServiceProfile</c>), numbers also accepted as numeric strings, and a wrong
/// type read as "absent" so the caller can skip and count the record instead of failing the scrape.
/// </summary>
internal static class LenientJson
{
    public static JsonElement? Prop(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return null;
        if (obj.TryGetProperty(name, out var exact))
            return exact;
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        }
        return null;
    }

    public static JsonElement? Path(JsonElement obj, params string[] names)
    {
        JsonElement? current = obj;
        foreach (var name in names)
        {
            current = current is { } c ? Prop(c, name) : null;
            if (current is null)
                return null;
        }
        return current;
    }

    public static string? Text(JsonElement obj, params string[] path) => Path(obj, path) is { } e ? AsText(e) : null;

    public static string? AsText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    public static double? Number(JsonElement obj, params string[] path) => Path(obj, path) is { } e ? AsNumber(e) : null;

    public static double? AsNumber(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static bool? Bool(JsonElement obj, params string[] path) => Path(obj, path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>The list in an answer: a bare array, or the array under Data/data/items (the CNC wraps slice lists in <c>{"Data": [...]}</c>).</summary>
    public static JsonElement? List(JsonElement root, params string[] wrappers)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return root;
        foreach (var name in wrappers.Concat(["Data", "items"]))
        {
            if (Prop(root, name) is { ValueKind: JsonValueKind.Array } list)
                return list;
        }
        return null;
    }

    /// <summary>An S-NSSAI sd as 6 lower-case hex digits ("" when absent); numbers are formatted, strings normalised.</summary>
    public static string Sd(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i >= 0 => i.ToString("x6", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } text => text.Trim().ToLowerInvariant().PadLeft(6, '0'),
        _ => "",
    };

    /// <summary>A bit rate in bit/s from a number (bit/s), <c>{value, unit}</c> or text such as "100 Mbps"; null when unreadable.</summary>
    public static double? BitRate(JsonElement? e)
    {
        if (e is not { } element)
            return null;
        if (element.ValueKind == JsonValueKind.Number)
            return element.GetDouble();
        if (element.ValueKind == JsonValueKind.Object)
        {
            var value = Number(element, "value");
            var unit = Text(element, "unit") ?? "bps";
            return value is { } v && Scale(unit) is { } s ? v * s : null;
        }
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text)
        {
            var trimmed = text.Trim();
            var split = 0;
            while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] is '.' or '-'))
                split++;
            if (double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && Scale(trimmed[split..].Trim()) is { } scale)
                return number * scale;
        }
        return null;
    }

    private static double? Scale(string unit) => unit.Replace("/s", "ps", StringComparison.OrdinalIgnoreCase).ToLowerInvariant() switch
    {
        "" or "bps" or "bitps" => 1,
        "kbps" or "kbitps" => 1e3,
        "mbps" or "mbitps" => 1e6,
        "gbps" or "gbitps" => 1e9,
        _ => null,
    };
}
