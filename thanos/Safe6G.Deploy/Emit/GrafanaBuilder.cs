using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>Grafana provisioning files for a domain: datasources (local Prometheus, central Thanos, local Loki) and the dashboards folder.</summary>
internal static class GrafanaBuilder
{
    public const string DashboardsPath = "/var/lib/grafana/dashboards/safe6g";

    public static YMap Datasources(Continuum c, Domain d)
    {
        var list = new List<object>
        {
            new YMap
            {
                ["name"] = $"Prometheus ({d.Name})",
                ["uid"] = $"prometheus-{d.Name}",
                ["type"] = "prometheus",
                ["access"] = "proxy",
                ["url"] = $"http://prometheus.{d.Namespace}.svc:9090",
                ["isDefault"] = true,
                ["jsonData"] = new YMap { ["timeInterval"] = d.Prometheus.ScrapeInterval },
                ["editable"] = false,
            },
            new YMap
            {
                ["name"] = "Thanos (continuum)",
                ["uid"] = "thanos",
                ["type"] = "prometheus",
                ["access"] = "proxy",
                ["url"] = ThanosBuilder.QueryUrl(c, d),
                ["isDefault"] = false,
                ["jsonData"] = new YMap { ["timeInterval"] = d.Prometheus.ScrapeInterval },
                ["editable"] = false,
            },
        };
        if (d.Logs.Enabled)
        {
            list.Add(new YMap
            {
                ["name"] = $"Loki ({d.Name})",
                ["uid"] = $"loki-{d.Name}",
                ["type"] = "loki",
                ["access"] = "proxy",
                ["url"] = $"http://loki.{d.Namespace}.svc:3100",
                ["isDefault"] = false,
                ["editable"] = false,
            });
        }

        return new YMap { ["apiVersion"] = 1, ["datasources"] = list };
    }

    public static YMap Dashboards() => new()
    {
        ["apiVersion"] = 1,
        ["providers"] = new List<object>
        {
            new YMap
            {
                ["name"] = "safe6g",
                ["orgId"] = 1,
                ["folder"] = "SAFE-6G",
                ["type"] = "file",
                ["disableDeletion"] = true,
                ["updateIntervalSeconds"] = 60,
                ["allowUiUpdates"] = false,
                ["options"] = new YMap { ["path"] = DashboardsPath, ["foldersFromFilesStructure"] = false },
            },
        },
    };
}
