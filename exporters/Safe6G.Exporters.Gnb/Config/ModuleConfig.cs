using Safe6G.Exporters.Sdk.Config;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// One entry of <c>modules:</c> — what to read and how to turn it into metrics. Defaults follow snmp_exporter
/// (max_repetitions 25, retries 3, timeout 5s per request). Only GET, GETNEXT and GETBULK are ever sent.
/// </summary>
public sealed class ModuleConfig : IValidatableConfig
{
    /// <summary>Subtrees to walk (GETBULK for v2c/v3, GETNEXT for v1); independent subtrees are walked in parallel.</summary>
    public List<string> Walk { get; set; } = [];

    /// <summary>Exact OIDs fetched with GET (scalars such as <c>sysUpTime.0</c>).</summary>
    public List<string> Get { get; set; } = [];

    /// <summary>GETBULK max-repetitions.</summary>
    public int MaxRepetitions { get; set; } = 25;

    /// <summary>Retries per request after the first attempt.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Timeout per request attempt (the scrape deadline still bounds the whole probe).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Follow agents that return OIDs out of order (net-snmp <c>-Cc</c>).</summary>
    public bool AllowNonincreasingOids { get; set; }

    /// <summary>How varbinds become metrics.</summary>
    public List<MetricConfig> Metrics { get; set; } = [];

    /// <summary>Parsed <see cref="Walk"/> (valid after validation).</summary>
    internal List<Oid> WalkOids { get; } = [];

    /// <summary>Parsed <see cref="Get"/> (valid after validation).</summary>
    internal List<Oid> GetOids { get; } = [];

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        WalkOids.Clear();
        GetOids.Clear();
        ParseAll(Walk, "walk", WalkOids, context);
        ParseAll(Get, "get", GetOids, context);
        context.Require(Walk.Count + Get.Count > 0, "walk", "a module needs at least one walk or get OID");
        context.Require(MaxRepetitions is >= 1 and <= 1000, "max_repetitions", "must be between 1 and 1000");
        context.Require(Retries is >= 0 and <= 10, "retries", "must be between 0 and 10");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
        context.Require(Metrics.Count > 0, "metrics", "a module needs at least one metric");

        var shapes = new Dictionary<string, (string Type, string Labels, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < Metrics.Count; i++)
        {
            var metric = Metrics[i];
            var at = context.For($"metrics[{i}]");
            metric.Validate(at);
            if (metric.ParsedOid is { } oid && !IsRead(oid))
                at.Error("oid", $"{metric.Oid} is neither under a walk subtree nor a prefix of a get OID, so it would never have a value");
            for (var l = 0; l < metric.Lookups.Count; l++)
            {
                if (metric.Lookups[l].ParsedOid is { } lookupOid && !IsRead(lookupOid))
                    at.Error($"lookups[{l}].oid", $"{metric.Lookups[l].Oid} is not read by this module: add its column to walk (or the scalar to get)");
            }
            if (!metric.IsValid)
                continue;
            var shape = (metric.FamilyType.ToString(), string.Join(",", metric.LabelNames), i);
            if (shapes.TryGetValue(metric.FamilyName, out var seen) && (seen.Type != shape.Item1 || seen.Labels != shape.Item2))
                at.Error("name", $"'{metric.FamilyName}' is already produced by metrics[{seen.Index}] with another type or other labels");
            else
                shapes.TryAdd(metric.FamilyName, shape);
        }
    }

    // A metric is readable when a walked subtree contains it, or a GET asks for it or for something below it.
    private bool IsRead(Oid oid) =>
        WalkOids.Any(w => oid.StartsWith(w) || w.StartsWith(oid)) || GetOids.Any(g => g.StartsWith(oid));

    private static void ParseAll(List<string> texts, string field, List<Oid> into, ConfigValidationContext context)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (OidText.TryParse(texts[i], out var oid))
                into.Add(oid);
            else
                context.Error($"{field}[{i}]", $"'{texts[i]}' is not a numeric OID (like 1.3.6.1.2.1.1)");
        }
    }
}
