using System.Text.Json;
using Safe6G.Simulators.Orion.Http;

namespace Safe6G.Simulators.Orion.Model;

/// <summary>Reads entity and attribute JSON in normalized or concise form (POST, PATCH, peer answers).</summary>
internal static class EntityParser
{
    private static readonly HashSet<string> EntityMembers = new(StringComparer.Ordinal) { "id", "type", "@context", "createdAt", "modifiedAt", "scope" };
    private static readonly HashSet<string> GeoTypes = new(StringComparer.Ordinal) { "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon" };

    public static bool TryParseEntity(JsonElement body, LdContext context, DateTimeOffset now, out NgsiEntity? entity, out NgsiProblem? problem)
    {
        entity = null;
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = NgsiProblem.BadRequest("Invalid payload", "the entity must be a JSON object");
            return false;
        }
        if (!body.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || !Uri.TryCreate(id.GetString(), UriKind.Absolute, out _))
        {
            problem = NgsiProblem.BadRequest("Invalid Entity id", "the entity id must be a URI");
            return false;
        }
        if (!body.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
        {
            problem = NgsiProblem.BadRequest("Entity type missing", id.GetString());
            return false;
        }
        var created = body.TryGetProperty("createdAt", out var c) && c.TryGetDateTimeOffset(out var ct) ? ct : now;
        if (!TryParseAttributes(body, context, now, EntityMembers, out var attributes, out problem)) return false;
        entity = new NgsiEntity(id.GetString()!, context.StoredName(type.GetString()!), created, attributes);
        return true;
    }

    public static bool TryParseAttributes(JsonElement body, LdContext context, DateTimeOffset now, IReadOnlySet<string>? skip,
        out List<NgsiAttribute> attributes, out NgsiProblem? problem)
    {
        attributes = [];
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = NgsiProblem.BadRequest("Invalid payload", "attributes must be given as a JSON object");
            return false;
        }
        foreach (var member in body.EnumerateObject())
        {
            if (skip is not null && skip.Contains(member.Name)) continue;
            if (member.Name is "id" or "type" or "@context") continue;
            if (!TryParseAttribute(context.StoredName(member.Name), member.Value, now, out var attribute, out var error))
            {
                problem = NgsiProblem.BadRequest("Invalid attribute", $"{member.Name}: {error}");
                return false;
            }
            attributes.Add(attribute!);
        }
        return true;
    }

    private static bool TryParseAttribute(string name, JsonElement json, DateTimeOffset now, out NgsiAttribute? attribute, out string? error)
    {
        attribute = null;
        error = null;
        var kind = AttributeKind.Property;
        object? value;
        string? unitCode = null;
        DateTimeOffset created = now, modified = now;
        if (json.ValueKind == JsonValueKind.Object && !IsGeoJson(json))
        {
            var declared = json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (declared is "Relationship" || (declared is null && json.TryGetProperty("object", out _)))
            {
                kind = AttributeKind.Relationship;
                if (!json.TryGetProperty("object", out var obj)) { error = "a Relationship needs an object"; return false; }
                value = obj.ValueKind switch
                {
                    JsonValueKind.String => obj.GetString(),
                    JsonValueKind.Array when obj.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                        => obj.EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    _ => null,
                };
                if (value is null) { error = "a Relationship object must be a URI or an array of URIs"; return false; }
            }
            else if (declared is "Property" or "GeoProperty" || (declared is null && json.TryGetProperty("value", out _)))
            {
                if (!json.TryGetProperty("value", out var v)) { error = $"a {declared} needs a value"; return false; }
                kind = declared == "GeoProperty" || (declared is null && IsGeoJson(v)) ? AttributeKind.GeoProperty : AttributeKind.Property;
                value = ToValue(v);
            }
            else if (declared is not null)
            {
                error = $"attribute type '{declared}' is not supported by the simulator";
                return false;
            }
            else value = json.Clone(); // concise/keyValues object value
            if (json.TryGetProperty("unitCode", out var u) && u.ValueKind == JsonValueKind.String) unitCode = u.GetString();
            if (json.TryGetProperty("createdAt", out var ca) && ca.TryGetDateTimeOffset(out var cat)) created = cat;
            if (json.TryGetProperty("modifiedAt", out var ma) && ma.TryGetDateTimeOffset(out var mat)) modified = mat;
        }
        else
        {
            kind = IsGeoJson(json) ? AttributeKind.GeoProperty : AttributeKind.Property;
            value = ToValue(json);
        }
        attribute = new NgsiAttribute { Name = name, Kind = kind, Value = value, UnitCode = unitCode, CreatedAt = created, ModifiedAt = modified };
        return true;
    }

    private static bool IsGeoJson(JsonElement e)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
           && GeoTypes.Contains(t.GetString()!) && e.TryGetProperty("coordinates", out _);

    public static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => e.Clone(),
    };
}
