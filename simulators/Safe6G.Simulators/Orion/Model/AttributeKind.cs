namespace Safe6G.Simulators.Orion.Model;

/// <summary>The three NGSI-LD attribute kinds aeriOS uses.</summary>
internal enum AttributeKind
{
    Property,
    Relationship,
    GeoProperty,
}
