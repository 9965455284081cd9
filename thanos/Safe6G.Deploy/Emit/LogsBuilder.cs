using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>Per-domain Loki (single binary, filesystem, TSDB index, compactor retention) and Promtail shipping pod logs.</summary>
internal static class LogsBuilder
{
    public static YMap Loki(Domain d) => new()
    {
        ["auth_enabled"] = false,
        ["server"] = new YMap { ["http_listen_port"] = 3100, ["grpc_listen_port"] = 9095 },
        ["common"] = new YMap
        {
            ["path_prefix"] = "/loki",
            ["replication_factor"] = 1,
            ["ring"] = new YMap { ["kvstore"] = new YMap { ["store"] = "inmemory" } },
            ["storage"] = new YMap
            {
                ["filesystem"] = new YMap { ["chunks_directory"] = "/loki/chunks", ["rules_directory"] = "/loki/rules" },
            },
        },
        ["schema_config"] = new YMap
        {
            ["configs"] = new List<object>
            {
                new YMap
                {
                    ["from"] = "2024-04-01",
                    ["store"] = "tsdb",
                    ["object_store"] = "filesystem",
                    ["schema"] = "v13",
                    ["index"] = new YMap { ["prefix"] = "index_", ["period"] = "24h" },
                },
            },
        },
        ["limits_config"] = new YMap { ["retention_period"] = d.Logs.Retention },
        ["compactor"] = new YMap
        {
            ["working_directory"] = "/loki/compactor",
            ["retention_enabled"] = true,
            ["delete_request_store"] = "filesystem",
        },
        ["analytics"] = new YMap { ["reporting_enabled"] = false },
    };

    public static YMap Promtail(Domain d) => new()
    {
        ["server"] = new YMap { ["http_listen_port"] = 9080, ["grpc_listen_port"] = 0 },
        ["positions"] = new YMap { ["filename"] = "/run/promtail/positions.yaml" },
        ["clients"] = new List<object>
        {
            new YMap
            {
                ["url"] = $"http://loki.{d.Namespace}.svc:3100/loki/api/v1/push",
                ["external_labels"] = new YMap { ["domain"] = d.Name },
            },
        },
        ["scrape_configs"] = new List<object>
        {
            new YMap
            {
                ["job_name"] = "kubernetes-pods",
                ["kubernetes_sd_configs"] = new List<object> { new YMap { ["role"] = "pod" } },
                ["pipeline_stages"] = new List<object>
                {
                    new YMap { ["cri"] = new YMap() },

                    // Our services log compact JSON (Serilog) with an `exporter` property: a low-cardinality label.
                    new YMap { ["json"] = new YMap { ["expressions"] = new YMap { ["exporter"] = "exporter" } } },
                    new YMap { ["labels"] = new YMap { ["exporter"] = string.Empty } },
                },
                ["relabel_configs"] = new List<object>
                {
                    Copy("__meta_kubernetes_pod_node_name", "ie"),
                    Copy("__meta_kubernetes_namespace", "namespace"),
                    Copy("__meta_kubernetes_pod_name", "pod"),
                    Copy("__meta_kubernetes_pod_container_name", "container"),
                    Copy("__meta_kubernetes_pod_label_app_kubernetes_io_name", "service"),
                    Copy("__meta_kubernetes_pod_label_app_kubernetes_io_component", "component"),
                    new YMap
                    {
                        ["source_labels"] = new List<object> { "__meta_kubernetes_pod_uid", "__meta_kubernetes_pod_container_name" },
                        ["separator"] = "/",
                        ["target_label"] = "__path__",
                        ["replacement"] = "/var/log/pods/*$1/*.log",
                    },
                },
            },
        },
    };

    private static YMap Copy(string from, string to) => new()
    {
        ["source_labels"] = new List<object> { from },
        ["target_label"] = to,
    };
}
