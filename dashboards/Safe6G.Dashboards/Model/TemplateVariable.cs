namespace Safe6G.Dashboards.Model;

/// <summary>A dashboard template variable (Grafana <c>VariableModel</c>): the data source picker or a label_values query.</summary>
public sealed record TemplateVariable
{
    public required string Type { get; init; }
    public required string Name { get; init; }
    public required string Label { get; init; }
    public string? Description { get; init; }
    public DataSourceRef? Datasource { get; init; }

    /// <summary>For <c>datasource</c>: the plugin id; for <c>query</c>: <c>label_values(metric{...}, label)</c>.</summary>
    public required string Query { get; init; }

    public required VariableOption Current { get; init; }
    public int Hide { get; init; }
    public bool IncludeAll { get; init; }
    public bool Multi { get; init; }

    /// <summary>".*" so "All" also matches series that lack the label (a single-domain Prometheus without external labels).</summary>
    public string? AllValue { get; init; }

    public IReadOnlyList<VariableOption> Options { get; init; } = [];

    /// <summary>1: on load; 2: on time range change (label values move with the range).</summary>
    public int Refresh { get; init; } = 1;

    public string Regex { get; init; } = "";
    public int Sort { get; init; }
}

/// <summary>A selected (or selectable) value of a variable; multi-value variables use arrays.</summary>
public sealed record VariableOption(object Text, object Value)
{
    public bool Selected { get; init; }
}
