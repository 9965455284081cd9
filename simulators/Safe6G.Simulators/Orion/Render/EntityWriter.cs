using System.Globalization;
using System.Text.Json;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Render;

/// <summary>Writes entities in normalized, concise or simplified form, with optional sysAttrs and attrs projection.</summary>
internal sealed class EntityWriter(OutputForm form, bool sysAttrs, string[]? attrs, LdContext context, bool inlineContext, DateTimeOffset now)
{
    // Most attributes share a handful of timestamps (creation, current sampling step): format each once per response.
    private readonly Dictionary<DateTimeOffset, string> _timestamps = [];

    public void Write(Utf8JsonWriter w, NgsiEntity entity)
    {
        w.WriteStartObject();
        w.WriteString("id", entity.Id);
        w.WriteString("type", context.Compact(entity.Type));
        if (sysAttrs)
        {
            w.WriteString("createdAt", CachedTimestamp(entity.CreatedAt));
            w.WriteString("modifiedAt", CachedTimestamp(entity.ModifiedAt(now)));
        }
        foreach (var attribute in entity.Attributes)
        {
            if (attrs is not null && Array.IndexOf(attrs, attribute.Name) < 0) continue;
            w.WritePropertyName(context.Compact(attribute.Name));
            WriteAttribute(w, attribute);
        }
        if (inlineContext) w.WriteString("@context", context.Url);
        w.WriteEndObject();
    }

    /// <summary>True when the entity has at least one of the projected attributes (NGSI-LD drops it otherwise).</summary>
    public static bool HasAnyOf(NgsiEntity entity, string[]? attrs)
        => attrs is null || attrs.Length == 0 || attrs.Any(a => entity.Find(a) is not null);

    private void WriteAttribute(Utf8JsonWriter w, NgsiAttribute a)
    {
        var value = a.ValueAt(now);
        var detailed = form == OutputForm.Normalized || (form == OutputForm.Concise && (sysAttrs || a.UnitCode is not null));
        if (form == OutputForm.Simplified || (form == OutputForm.Concise && !detailed))
        {
            if (a.Kind == AttributeKind.Relationship && form == OutputForm.Concise)
            {
                w.WriteStartObject();
                w.WritePropertyName("object");
                WriteValue(w, value);
                w.WriteEndObject();
                return;
            }
            // A concise Property whose value is itself an object needs the "value" key to stay unambiguous.
            if (form == OutputForm.Concise && a.Kind == AttributeKind.Property && value is JsonElement { ValueKind: JsonValueKind.Object })
            {
                w.WriteStartObject();
                w.WritePropertyName("value");
                WriteValue(w, value);
                w.WriteEndObject();
                return;
            }
            WriteValue(w, value);
            return;
        }

        w.WriteStartObject();
        if (form == OutputForm.Normalized) w.WriteString("type", a.Kind.ToString());
        w.WritePropertyName(a.Kind == AttributeKind.Relationship ? "object" : "value");
        WriteValue(w, value);
        if (a.UnitCode is not null) w.WriteString("unitCode", a.UnitCode);
        if (sysAttrs)
        {
            w.WriteString("createdAt", CachedTimestamp(a.CreatedAt));
            w.WriteString("modifiedAt", CachedTimestamp(a.ModifiedAtAt(now)));
        }
        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case bool b: w.WriteBooleanValue(b); break;
            case string s: w.WriteStringValue(s); break;
            case string[] many:
                w.WriteStartArray();
                foreach (var s in many) w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            case JsonElement e: e.WriteTo(w); break;
            default: throw new InvalidOperationException($"unsupported attribute value type {value.GetType()}");
        }
    }

    private string CachedTimestamp(DateTimeOffset t)
    {
        if (!_timestamps.TryGetValue(t, out var text))
        {
            if (_timestamps.Count > 4096) _timestamps.Clear();
            _timestamps[t] = text = Timestamp(t);
        }
        return text;
    }

    /// <summary>Orion-LD's timestamp form: UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
