using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>One index of a table metric: how the OID arcs after the metric's OID become a label.</summary>
public sealed class IndexConfig : IValidatableConfig
{
    /// <summary>The label this index becomes (e.g. <c>cell</c>, <c>ifIndex</c>).</summary>
    public string Labelname { get; set; } = "";

    /// <summary>gauge/Integer32 (one arc), DisplayString/OctetString (length-prefixed arcs), PhysAddress48 (6), InetAddressIPv4 (4), EnumAsInfo.</summary>
    public string Type { get; set; } = "gauge";

    /// <summary>For string indexes: the length is fixed and not encoded in the OID.</summary>
    public int FixedSize { get; set; }

    /// <summary>For the last string index: it takes all remaining arcs (IMPLIED).</summary>
    public bool Implied { get; set; }

    /// <summary>For EnumAsInfo indexes: number → name.</summary>
    public Dictionary<long, string> EnumValues { get; set; } = [];

    internal SnmpValueType Kind { get; private set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(MetricNames.IsValidLabelName(Labelname), "labelname", $"'{Labelname}' is not a valid Prometheus label name");
        Kind = SnmpValueTypes.ParseIndex(Type);
        context.Require(Kind != SnmpValueType.Unknown, "type", $"unknown index type '{Type}' (one of {SnmpValueTypes.IndexTypes})");
        context.Require(FixedSize is >= 0 and <= 128, "fixed_size", "must be between 0 and 128");
        context.Require(FixedSize == 0 || Kind is SnmpValueType.DisplayString or SnmpValueType.OctetString, "fixed_size", "only applies to DisplayString and OctetString indexes");
        context.Require(!Implied || Kind is SnmpValueType.DisplayString or SnmpValueType.OctetString, "implied", "only applies to DisplayString and OctetString indexes");
    }
}
