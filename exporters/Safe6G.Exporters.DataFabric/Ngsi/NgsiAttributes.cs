using System.Globalization;
using System.Text.Json;

namespace Safe6G.Exporters.DataFabric.Ngsi;

/// <summary>
/// Reads attribute values from an NGSI-LD entity in any representation: normalized
/// (<c>{"type":"Property","value":…}</c>), concise (<c>{"value":…}</c> / <c>{"object":…}</c>) or simplified
/// (the bare value). Enum URNs become their last segment; <c>-1</c> and <c>urn:ngsi-ld:null</c> mean unknown.
/// </summary>
public static class NgsiAttributes
{
    private const string UrnPrefix = "urn:ngsi-ld:";

    /// <summary>The attribute's value or relationship object, whatever the representation; false when absent.</summary>
    public static bool TryGetValue(JsonElement entity, string attribute, out JsonElement value)
    {
        value = default;
        if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty(attribute, out var raw))
            return false;
        // Multi-attribute (several instances): the first one stands for the attribute.
        if (raw.ValueKind == JsonValueKind.Array && raw.GetArrayLength() > 0 && raw[0].ValueKind == JsonValueKind.Object && IsAttributeObject(raw[0]))
            raw = raw[0];
        if (raw.ValueKind == JsonValueKind.Object && IsAttributeObject(raw))
        {
            if (raw.TryGetProperty("object", out var target) || raw.TryGetProperty("value", out target))
            {
                value = target;
                return true;
            }
            if (raw.TryGetProperty("objectList", out target) || raw.TryGetProperty("valueList", out target))
            {
                value = target;
                return true;
            }
            return false;
        }
        value = raw;
        return true;
    }

    /// <summary>
    /// A number; null when absent, a <c>-1</c> sentinel, or not a number. <paramref name="wrongType"/> tells the last
    /// case apart so it can be counted.
    /// </summary>
    public static double? Number(JsonElement entity, string attribute, out bool wrongType)
    {
        wrongType = false;
        if (!TryGetValue(entity, attribute, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        double number;
        if (value.ValueKind == JsonValueKind.Number)
            number = value.GetDouble();
        else if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            number = parsed;
        else
        {
            wrongType = true;
            return null;
        }
        // self-awareness writes -1 until a value is measured (aerios.md §1): unknown, never a fake sample.
        return number == -1 || !double.IsFinite(number) ? null : number;
    }

    /// <summary>A boolean (JSON bool or "true"/"false"); null when absent or not a boolean.</summary>
    public static bool? Bool(JsonElement entity, string attribute, out bool wrongType)
    {
        wrongType = false;
        if (!TryGetValue(entity, attribute, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed):
                return parsed;
            default:
                wrongType = true;
                return null;
        }
    }

    /// <summary>A string as written (URNs kept whole); null when absent or not a string.</summary>
    public static string? Text(JsonElement entity, string attribute)
    {
        if (!TryGetValue(entity, attribute, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
    }

    /// <summary>
    /// An enum: a URN to an enum entity (<c>urn:ngsi-ld:InfrastructureElementStatus:Ready</c>) or a plain string
    /// (<c>Ready</c>, the Smart Data Models way) both give <c>Ready</c>; <c>urn:ngsi-ld:null</c>/<c>none</c> give null.
    /// </summary>
    public static string? Enum(JsonElement entity, string attribute) => EnumValue(Text(entity, attribute));

    /// <summary>Normalizes an enum value as <see cref="Enum"/> does.</summary>
    public static string? EnumValue(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text is "urn:ngsi-ld:null" or "urn:ngsi-ld:none")
            return null;
        return text.StartsWith(UrnPrefix, StringComparison.Ordinal) ? text[(text.LastIndexOf(':') + 1)..] : text;
    }

    /// <summary>A relationship target URN (the first one for multi-object relationships); null for none.</summary>
    public static string? Reference(JsonElement entity, string attribute)
    {
        var text = Text(entity, attribute);
        return text is null or "urn:ngsi-ld:null" or "urn:ngsi-ld:none" ? null : text;
    }

    /// <summary>Strips <c>urn:ngsi-ld:&lt;Type&gt;:</c> from an id for a shorter, still unique label value.</summary>
    public static string ShortId(string id, string type)
    {
        var prefix = $"{UrnPrefix}{type}:";
        return id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
    }

    /// <summary>Entity-level <c>modifiedAt</c> (present with <c>options=sysAttrs</c>).</summary>
    public static DateTimeOffset? ModifiedAt(JsonElement entity) =>
        entity.TryGetProperty("modifiedAt", out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    // GeoJSON in simplified form also has a "type" member, so only NGSI-LD attribute shapes count here.
    private static bool IsAttributeObject(JsonElement element)
    {
        if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            return type.GetString() is "Property" or "Relationship" or "GeoProperty" or "LanguageProperty" or "ListProperty"
                or "ListRelationship" or "VocabProperty" or "JsonProperty";
        }
        return element.TryGetProperty("value", out _) || element.TryGetProperty("object", out _);
    }
}
