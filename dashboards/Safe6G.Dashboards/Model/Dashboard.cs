namespace Safe6G.Dashboards.Model;

/// <summary>
/// A Grafana dashboard in the classic JSON model (@grafana/schema <c>Dashboard</c>): properties are declared in
/// the order they are written, so the same model always gives the same bytes.
/// </summary>
public sealed record Dashboard
{
    /// <summary>The schema version of @grafana/schema 13.2.3's <c>defaultDashboard</c>; Grafana migrates older ones on load.</summary>
    public const int CurrentSchemaVersion = 42;

    /// <summary>Always null: Grafana assigns ids; a uid identifies the dashboard across instances.</summary>
    public int? Id { get; init; }

    public required string Uid { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Timezone { get; init; } = "browser";
    public bool Editable { get; init; } = true;

    /// <summary>1: shared crosshair, so panels of one dashboard line up in time.</summary>
    public int GraphTooltip { get; init; } = 1;

    public int FiscalYearStartMonth { get; init; }
    public bool LiveNow { get; init; }
    public string WeekStart { get; init; } = "";
    public TimeRange Time { get; init; } = new("now-1h", "now");
    public string Refresh { get; init; } = "30s";
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public int Version { get; init; } = 1;
    public IReadOnlyList<object> Links { get; init; } = [];
    public AnnotationList Annotations { get; init; } = AnnotationList.BuiltIn;
    public required Templating Templating { get; init; }
    public required IReadOnlyList<Panel> Panels { get; init; }
}

/// <summary>The dashboard's time range, relative (now-1h) or absolute.</summary>
public sealed record TimeRange(string From, string To);

/// <summary>The dashboard's template variables.</summary>
public sealed record Templating(IReadOnlyList<TemplateVariable> List);

/// <summary>Annotation queries; ours carry only Grafana's built-in one, as every new dashboard does.</summary>
public sealed record AnnotationList(IReadOnlyList<Annotation> List)
{
    public static AnnotationList BuiltIn { get; } = new([new Annotation()]);
}

/// <summary>Grafana's built-in "Annotations &amp; Alerts" query.</summary>
public sealed record Annotation
{
    public int BuiltIn { get; init; } = 1;
    public DataSourceRef Datasource { get; init; } = new("grafana", "-- Grafana --");
    public bool Enable { get; init; } = true;
    public bool Hide { get; init; } = true;
    public string IconColor { get; init; } = "rgba(0, 211, 255, 1)";
    public string Name { get; init; } = "Annotations & Alerts";
    public string Type { get; init; } = "dashboard";
}

/// <summary>A data source reference; <c>${datasource}</c> as uid follows the dashboard's data source variable.</summary>
public sealed record DataSourceRef(string Type, string Uid)
{
    /// <summary>The Prometheus data source chosen in the <c>datasource</c> variable.</summary>
    public static DataSourceRef Variable { get; } = new("prometheus", "${datasource}");
}
