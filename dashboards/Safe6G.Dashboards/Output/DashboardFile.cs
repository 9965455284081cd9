using System.Text.Json.Nodes;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Output;

/// <summary>
/// The file form Grafana's "Import dashboard" reads: <c>__inputs</c> (the Prometheus data source to pick, which
/// replaces <c>${DS_PROMETHEUS}</c>) and <c>__requires</c> (Grafana, plugin and panel types) ahead of the dashboard.
/// </summary>
public static class DashboardFile
{
    /// <summary>Minimum Grafana we claim: the classic JSON model with the panel types used here.</summary>
    public const string GrafanaVersion = "11.0.0";

    private static readonly Dictionary<string, string> PanelNames = new(StringComparer.Ordinal)
    {
        ["bargauge"] = "Bar gauge",
        ["stat"] = "Stat",
        ["table"] = "Table",
        ["timeseries"] = "Time series",
    };

    /// <summary>The importable file text of <paramref name="dashboard"/>.</summary>
    public static string Render(Dashboard dashboard)
    {
        var file = new JsonObject
        {
            ["__inputs"] = new JsonArray(new JsonObject
            {
                ["name"] = "DS_PROMETHEUS",
                ["label"] = "Prometheus",
                ["description"] = "Prometheus or Thanos Query holding the Safe6G metrics",
                ["type"] = "datasource",
                ["pluginId"] = "prometheus",
                ["pluginName"] = "Prometheus",
            }),
            ["__requires"] = Requires(dashboard),
        };
        foreach (var (key, value) in DashboardJson.ToNode(dashboard))
            file[key] = value?.DeepClone();
        return DashboardJson.Write(file);
    }

    /// <summary>File name of a dashboard in dashboards/grafana/.</summary>
    public static string FileName(Dashboard dashboard) => dashboard.Uid + ".json";

    private static JsonArray Requires(Dashboard dashboard)
    {
        var requires = new JsonArray(
            new JsonObject { ["type"] = "grafana", ["id"] = "grafana", ["name"] = "Grafana", ["version"] = GrafanaVersion },
            new JsonObject { ["type"] = "datasource", ["id"] = "prometheus", ["name"] = "Prometheus", ["version"] = "1.0.0" });
        foreach (var type in dashboard.Panels.Where(p => !p.IsRow).Select(p => p.Type).Distinct().Order(StringComparer.Ordinal))
            requires.Add(new JsonObject { ["type"] = "panel", ["id"] = type, ["name"] = PanelNames.GetValueOrDefault(type, type), ["version"] = "" });
        return requires;
    }
}
