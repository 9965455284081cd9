using System.Text.Json.Nodes;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Building;

/// <summary>
/// Lays panels out on the 24-column grid, left to right, wrapping and starting a new line at each row header,
/// and numbers them 1, 2, 3… in order, so ids are unique and stable as long as the order is.
/// </summary>
public sealed class DashboardBuilder
{
    private const int GridWidth = 24;
    private readonly List<Panel> _panels = [];
    private readonly List<TemplateVariable> _variables = [Variables.DataSource()];
    private int _x;
    private int _y;
    private int _lineHeight;

    /// <summary>Adds a template variable after the data source picker.</summary>
    public DashboardBuilder Variable(TemplateVariable variable)
    {
        _variables.Add(variable);
        return this;
    }

    /// <summary>A row header across the grid.</summary>
    public DashboardBuilder Row(string title)
    {
        NewLine();
        _panels.Add(new Panel { Id = NextId, Type = "row", Title = title, GridPos = new GridPos(1, GridWidth, 0, _y), Collapsed = false, Panels = [] });
        _y += 1;
        return this;
    }

    /// <summary>A single-number panel (last value of each series).</summary>
    public DashboardBuilder Stat(string title, string description, Query query, string unit = Units.Count, int w = 4, int h = 4, Thresholds? thresholds = null) =>
        Add("stat", title, description, [query], new FieldDefaults { Unit = unit, Thresholds = thresholds ?? Green }, StatOptions(), w, h, instant: true);

    /// <summary>A time series graph with one or more queries.</summary>
    public DashboardBuilder TimeSeries(string title, string description, string unit, Query[] queries, int w = 12, int h = 8, double? min = null, double? max = null) =>
        Add("timeseries", title, description, queries, new FieldDefaults
        {
            Unit = unit,
            Min = min,
            Max = max,
            Custom = new JsonObject { ["drawStyle"] = "line", ["fillOpacity"] = 10, ["lineWidth"] = 1, ["showPoints"] = "never" },
        }, TimeSeriesOptions(), w, h, instant: false);

    /// <summary>Horizontal bars, one per series (current value), e.g. counts by status.</summary>
    public DashboardBuilder BarGauge(string title, string description, string unit, Query query, int w = 8, int h = 8, double? max = null) =>
        Add("bargauge", title, description, [query], new FieldDefaults { Unit = unit, Min = 0, Max = max, Thresholds = Green }, BarGaugeOptions(), w, h, instant: true);

    /// <summary>A table of the instant result (one row per series, labels as columns).</summary>
    public DashboardBuilder Table(string title, string description, string unit, Query query, int w = 12, int h = 8) =>
        Add("table", title, description, [query], new FieldDefaults { Unit = unit }, new JsonObject { ["showHeader"] = true, ["cellHeight"] = "sm" }, w, h,
            instant: true, table: true);

    /// <summary>The finished dashboard.</summary>
    public Dashboard Build(string uid, string title, string description, params string[] tags) => new()
    {
        Uid = uid,
        Title = title,
        Description = description,
        Tags = ["safe6g", .. tags],
        Templating = new Templating([.. _variables]),
        Panels = [.. _panels],
    };

    private static Thresholds Green => new([new ThresholdStep("green", null)]);

    private int NextId => _panels.Count + 1;

    private DashboardBuilder Add(string type, string title, string description, Query[] queries, FieldDefaults defaults, JsonObject options,
        int w, int h, bool instant, bool table = false)
    {
        if (_x + w > GridWidth)
            NewLine();
        var targets = queries.Select((q, i) => new Target
        {
            RefId = ((char)('A' + i)).ToString(),
            Expr = q.Expr,
            LegendFormat = q.Legend,
            Range = !instant,
            Instant = instant,
            Format = table ? "table" : "time_series",
        }).ToList();
        _panels.Add(new Panel
        {
            Id = NextId,
            Type = type,
            Title = title,
            Description = description,
            GridPos = new GridPos(h, w, _x, _y),
            Datasource = DataSourceRef.Variable,
            Targets = targets,
            FieldConfig = new FieldConfig(defaults),
            Options = options,
            Transformations = table ? [new JsonObject { ["id"] = "labelsToFields", ["options"] = new JsonObject() }] : null,
        });
        _x += w;
        _lineHeight = Math.Max(_lineHeight, h);
        return this;
    }

    private void NewLine()
    {
        _y += _lineHeight;
        _x = 0;
        _lineHeight = 0;
    }

    private static JsonObject ReduceLast() => new() { ["calcs"] = new JsonArray("lastNotNull"), ["fields"] = "", ["values"] = false };

    private static JsonObject StatOptions() => new()
    {
        ["reduceOptions"] = ReduceLast(),
        ["colorMode"] = "value",
        ["graphMode"] = "area",
        ["justifyMode"] = "auto",
        ["orientation"] = "auto",
        ["textMode"] = "auto",
    };

    private static JsonObject TimeSeriesOptions() => new()
    {
        ["legend"] = new JsonObject { ["displayMode"] = "list", ["placement"] = "bottom", ["showLegend"] = true },
        ["tooltip"] = new JsonObject { ["mode"] = "multi", ["sort"] = "desc" },
    };

    private static JsonObject BarGaugeOptions() => new()
    {
        ["reduceOptions"] = ReduceLast(),
        ["orientation"] = "horizontal",
        ["displayMode"] = "gradient",
        ["showUnfilled"] = true,
    };
}
