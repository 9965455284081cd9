using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Safe6G.Dashboards.Model;

/// <summary>
/// One panel, or a row when <see cref="Type"/> is <c>row</c> (then only id, title, gridPos, collapsed and panels are
/// written, which is Grafana's <c>RowPanel</c>).
/// </summary>
public sealed record Panel
{
    public required int Id { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required GridPos GridPos { get; init; }
    public DataSourceRef? Datasource { get; init; }
    public IReadOnlyList<Target>? Targets { get; init; }
    public FieldConfig? FieldConfig { get; init; }
    public JsonObject? Options { get; init; }
    public IReadOnlyList<JsonObject>? Transformations { get; init; }
    public bool? Collapsed { get; init; }
    public IReadOnlyList<Panel>? Panels { get; init; }

    /// <summary>True for row headers, which hold no query.</summary>
    [JsonIgnore]
    public bool IsRow => Type == "row";
}

/// <summary>Position on Grafana's 24-column grid; <c>h</c> in rows of 30 px.</summary>
public sealed record GridPos(int H, int W, int X, int Y);

/// <summary>One Prometheus query of a panel.</summary>
public sealed record Target
{
    public required string RefId { get; init; }
    public DataSourceRef Datasource { get; init; } = DataSourceRef.Variable;
    public string EditorMode { get; init; } = "code";
    public required string Expr { get; init; }
    public string LegendFormat { get; init; } = "";
    public bool Range { get; init; } = true;
    public bool Instant { get; init; }
    public string Format { get; init; } = "time_series";
}

/// <summary>Field defaults of a panel (unit, bounds, thresholds); no overrides.</summary>
public sealed record FieldConfig(FieldDefaults Defaults)
{
    public IReadOnlyList<object> Overrides { get; init; } = [];
}

/// <summary>The field options our panels set.</summary>
public sealed record FieldDefaults
{
    public string? Unit { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? Decimals { get; init; }
    public JsonObject? Color { get; init; }
    public Thresholds? Thresholds { get; init; }
    public JsonObject? Custom { get; init; }
}

/// <summary>Absolute thresholds; the first step's value is null (-Infinity), as Grafana writes it.</summary>
public sealed record Thresholds(IReadOnlyList<ThresholdStep> Steps)
{
    public string Mode { get; init; } = "absolute";
}

/// <summary>One threshold colour from <see cref="Value"/> upwards.</summary>
public sealed record ThresholdStep(string Color, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value);
