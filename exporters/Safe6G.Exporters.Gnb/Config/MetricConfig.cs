using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// One metric of a module, in snmp_exporter's terms: every varbind under <see cref="Oid"/> becomes a sample;
/// the arcs after it are decoded by <see cref="Indexes"/>; <see cref="Lookups"/> add labels from other objects.
/// Numbers are <c>value × scale + offset</c>. Names follow our conventions: counters end in <c>_total</c>,
/// string values named <c>*_info</c> become info metrics.
/// </summary>
public sealed class MetricConfig : IValidatableConfig
{
    /// <summary>Prometheus metric name (<c>gnb_cell_connected_ues</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The object (scalar) or column (table) OID.</summary>
    public string Oid { get; set; } = "";

    /// <summary>gauge, counter, Float, Double, DisplayString, OctetString, PhysAddress48, InetAddressIPv4, EnumAsInfo or EnumAsStateSet.</summary>
    public string Type { get; set; } = "gauge";

    /// <summary>HELP text.</summary>
    public string? Help { get; set; }

    /// <summary>Table indexes, in OID order.</summary>
    public List<IndexConfig> Indexes { get; set; } = [];

    /// <summary>Extra labels read from other objects.</summary>
    public List<LookupConfig> Lookups { get; set; } = [];

    /// <summary>Enum number → name for EnumAsInfo / EnumAsStateSet.</summary>
    public Dictionary<long, string> EnumValues { get; set; } = [];

    /// <summary>Multiplier applied before <see cref="Offset"/> (e.g. 0.01 for percent → ratio, 1000 for kbit/s → bit/s).</summary>
    public double? Scale { get; set; }

    /// <summary>Added after scaling.</summary>
    public double? Offset { get; set; }

    /// <summary>
    /// The label carrying the text of string and enum types. snmp_exporter always names it after the
    /// metric; we default to that too but allow a short name (<c>state</c>, <c>version</c>).
    /// </summary>
    public string? ValueLabel { get; set; }

    /// <summary>
    /// snmp_exporter's <c>regex_extracts</c>: metric name suffix → rules tried in order on the value as text; the first
    /// that matches and gives a number is a gauge <c>name+suffix</c> with the index and lookup labels. A metric with
    /// extracts serves only those (for readings like "12.5 dBm" an agent reports as a string).
    /// </summary>
    public Dictionary<string, List<RegexExtractConfig>> RegexExtracts { get; set; } = [];

    internal SnmpValueType Kind { get; private set; }
    internal Oid? ParsedOid { get; private set; }
    internal bool IsValid { get; private set; }

    /// <summary>The family name written (EnumAsInfo appends <c>_info</c>).</summary>
    internal string FamilyName { get; private set; } = "";

    internal MetricType FamilyType { get; private set; }

    /// <summary>All label names of the family in order: indexes, lookups, then the value label.</summary>
    internal string[] LabelNames { get; private set; } = [];

    /// <summary>The value label's name, or null for numeric types.</summary>
    internal string? ValueLabelName { get; private set; }

    /// <summary>The families of <see cref="RegexExtracts"/>: name and rules, in suffix order; empty without extracts.</summary>
    internal (string Family, RegexExtractConfig[] Rules)[] Extracts { get; private set; } = [];

    /// <summary>Index and lookup labels only: the labels of the extract families.</summary>
    internal string[] KeyLabelNames { get; private set; } = [];

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        var errors = context.Errors.Count;
        context.Require(MetricNames.IsValidMetricName(Name) && !Name.Contains(':', StringComparison.Ordinal), "name",
            $"'{Name}' is not a valid metric name ([a-zA-Z_][a-zA-Z0-9_]*)");
        ParsedOid = OidText.TryParse(Oid, out var oid) ? oid : null;
        context.Require(ParsedOid is not null, "oid", $"'{Oid}' is not a numeric OID (like 1.3.6.1.4.1.53058.100.11)");
        Kind = SnmpValueTypes.ParseMetric(Type);
        context.Require(Kind != SnmpValueType.Unknown, "type", $"unknown type '{Type}' (one of {SnmpValueTypes.MetricTypes})");
        context.Require(Kind != SnmpValueType.Counter || Name.EndsWith("_total", StringComparison.Ordinal), "name",
            $"counter '{Name}' must end in _total");
        context.Require(Kind == SnmpValueType.Counter || !Name.EndsWith("_total", StringComparison.Ordinal), "name",
            $"'{Name}' ends in _total but its type is {Type}, not counter");
        context.Require(Kind != SnmpValueType.EnumAsStateSet || EnumValues.Count > 0, "enum_values", "EnumAsStateSet needs enum_values");
        context.Require(Scale is null || (double.IsFinite(Scale.Value) && Scale.Value != 0), "scale", "must be a finite, non-zero number");
        context.Require(Offset is null || double.IsFinite(Offset.Value), "offset", "must be a finite number");
        context.Require((Scale is null && Offset is null) || Kind is SnmpValueType.Gauge or SnmpValueType.Counter or SnmpValueType.Float,
            "scale", "scale and offset apply only to gauge, counter, Float and Double");
        context.Require(ValueLabel is null || MetricNames.IsValidLabelName(ValueLabel), "value_label", $"'{ValueLabel}' is not a valid label name");

        var labels = new List<string>();
        for (var i = 0; i < Indexes.Count; i++)
        {
            var index = Indexes[i];
            index.Validate(context.For($"indexes[{i}]"));
            if (index.Implied && i != Indexes.Count - 1)
                context.Error($"indexes[{i}].implied", "only the last index can be implied");
            if (labels.Contains(index.Labelname))
                context.Error($"indexes[{i}].labelname", $"label '{index.Labelname}' is used twice");
            labels.Add(index.Labelname);
        }
        for (var i = 0; i < Lookups.Count; i++)
        {
            var lookup = Lookups[i];
            lookup.Validate(context.For($"lookups[{i}]"));
            for (var l = 0; l < lookup.Labels.Count; l++)
            {
                if (!labels.Contains(lookup.Labels[l]))
                    context.Error($"lookups[{i}].labels[{l}]", $"'{lookup.Labels[l]}' is not an index label (or an earlier lookup) of this metric");
            }
            // A lookup may replace an index label (snmp_exporter does the same): keep the name once.
            if (!labels.Contains(lookup.Labelname))
                labels.Add(lookup.Labelname);
        }

        KeyLabelNames = [.. labels];
        var extracts = new List<(string, RegexExtractConfig[])>();
        foreach (var (suffix, rules) in RegexExtracts.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var family = Name + suffix;
            context.Require(MetricNames.IsValidMetricName(family) && !family.EndsWith("_total", StringComparison.Ordinal), $"regex_extracts.{suffix}",
                $"'{family}' is not a valid gauge name");
            context.Require(rules.Count > 0, $"regex_extracts.{suffix}", "needs at least one rule");
            for (var r = 0; r < rules.Count; r++)
                rules[r].Validate(context.For($"regex_extracts.{suffix}[{r}]"));
            extracts.Add((family, [.. rules]));
        }
        Extracts = [.. extracts];
        context.Require(Extracts.Length == 0 || Kind is not (SnmpValueType.EnumAsInfo or SnmpValueType.EnumAsStateSet), "regex_extracts",
            "applies to numbers and strings, not to enums");

        ValueLabelName = Kind is SnmpValueType.Gauge or SnmpValueType.Counter or SnmpValueType.Float ? null : ValueLabel ?? Name;
        var stringType = Kind is SnmpValueType.DisplayString or SnmpValueType.OctetString or SnmpValueType.PhysAddress48 or SnmpValueType.InetAddressIPv4;
        if (ValueLabelName is not null && !(stringType && labels.Contains(ValueLabelName)))
        {
            if (labels.Contains(ValueLabelName))
                context.Error("value_label", $"'{ValueLabelName}' is already an index or lookup label");
            labels.Add(ValueLabelName);
        }
        LabelNames = [.. labels];
        FamilyName = Kind == SnmpValueType.EnumAsInfo && !Name.EndsWith("_info", StringComparison.Ordinal) ? Name + "_info" : Name;
        FamilyType = Kind switch
        {
            SnmpValueType.Counter => MetricType.Counter,
            SnmpValueType.EnumAsInfo => MetricType.Info,
            SnmpValueType.EnumAsStateSet => MetricType.StateSet,
            _ when stringType && Name.EndsWith("_info", StringComparison.Ordinal) => MetricType.Info,
            _ => MetricType.Gauge,
        };
        IsValid = context.Errors.Count == errors;
    }

    /// <summary>Applies scale, then offset (snmp_exporter's order).</summary>
    internal double Adjust(double value)
    {
        if (Scale is { } scale)
        {
            // 639 × 0.01 is 6.390000000000001 in float64 but 639 / 100 is 6.39: divide when the scale is 1/n.
            var inverse = Math.Round(1 / scale);
            value = Math.Abs(scale) < 1 && Math.Abs(1 / scale - inverse) < 1e-9 ? value / inverse : value * scale;
        }
        if (Offset is { } offset)
            value += offset;
        return value;
    }
}
