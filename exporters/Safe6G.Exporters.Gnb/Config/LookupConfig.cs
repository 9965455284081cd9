using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// A label read from another object: <c>oid</c> + the OID arcs of the listed index labels (for example
/// ifDescr for an ifIndex). With no <c>labels</c> the OID is a scalar read as is (e.g. the gNB name).
/// The looked-up column must be walked (or the scalar fetched) by the same module.
/// </summary>
public sealed class LookupConfig : IValidatableConfig
{
    /// <summary>Index labels whose arcs are appended to <see cref="Oid"/>.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>The label to add.</summary>
    public string Labelname { get; set; } = "";

    /// <summary>Column (or scalar) OID to read.</summary>
    public string Oid { get; set; } = "";

    /// <summary>How the looked-up value is rendered (DisplayString, gauge, OctetString, ...).</summary>
    public string Type { get; set; } = "DisplayString";

    internal SnmpValueType Kind { get; private set; }

    internal Oid? ParsedOid { get; private set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(MetricNames.IsValidLabelName(Labelname), "labelname", $"'{Labelname}' is not a valid Prometheus label name");
        ParsedOid = OidText.TryParse(Oid, out var oid) ? oid : null;
        context.Require(ParsedOid is not null, "oid", $"'{Oid}' is not a numeric OID");
        Kind = SnmpValueTypes.ParseLookup(Type);
        context.Require(Kind != SnmpValueType.Unknown, "type", $"unknown lookup type '{Type}' (one of {SnmpValueTypes.LookupTypes})");
    }
}
