using System.Text.Json;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion.Seed;

/// <summary>Small fluent helper so the seeder reads like the aeriOS creation payloads.</summary>
internal sealed class EntityBuilder(string id, string type, DateTimeOffset createdAt)
{
    private readonly List<NgsiAttribute> _attributes = [];

    public EntityBuilder Prop(string name, object? value, string? unit = null)
    {
        _attributes.Add(new NgsiAttribute { Name = name, Value = value, UnitCode = unit, CreatedAt = createdAt, ModifiedAt = createdAt });
        return this;
    }

    public EntityBuilder Live(string name, Func<DateTimeOffset, object> live, string? unit = null)
    {
        _attributes.Add(new NgsiAttribute { Name = name, Live = live, UnitCode = unit, CreatedAt = createdAt, ModifiedAt = createdAt });
        return this;
    }

    public EntityBuilder Rel(string name, object target)
    {
        _attributes.Add(new NgsiAttribute { Name = name, Kind = AttributeKind.Relationship, Value = target, CreatedAt = createdAt, ModifiedAt = createdAt });
        return this;
    }

    /// <summary>An enum as deployed aeriOS writes it (Relationship to urn:ngsi-ld:KIND:VALUE) or, SDM style, a plain string Property.</summary>
    public EntityBuilder Enum(bool plainString, string name, string kind, string value)
        => plainString ? Prop(name, value) : Rel(name, $"urn:ngsi-ld:{kind}:{value}");

    public EntityBuilder Geo(string name, double lon, double lat)
    {
        var json = JsonSerializer.SerializeToElement(new { type = "Point", coordinates = new[] { lon, lat } });
        _attributes.Add(new NgsiAttribute { Name = name, Kind = AttributeKind.GeoProperty, Value = json, CreatedAt = createdAt, ModifiedAt = createdAt });
        return this;
    }

    /// <summary>An array of {key, value} pairs as HLO-FE writes cliArgs, envVars and sla.</summary>
    public EntityBuilder KeyValues(string name, params (string Key, object Value)[] pairs)
        => Prop(name, JsonSerializer.SerializeToElement(pairs.Select(p => new Dictionary<string, object> { ["key"] = p.Key, ["value"] = p.Value })));

    public NgsiEntity Build() => new(id, type, createdAt, _attributes);
}
