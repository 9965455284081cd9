using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>One Prometheus config per replica of a domain: globals, external labels domain/replica, rule files, jobs.</summary>
internal static class PrometheusConfigBuilder
{
    public const string RulesGlob = "rules/*.rules.yml";

    public static YMap Build(Domain d, int replica, IReadOnlyList<ScrapeJob> jobs)
    {
        var config = new YMap
        {
            ["global"] = new YMap
            {
                ["scrape_interval"] = d.Prometheus.ScrapeInterval,
                ["scrape_timeout"] = d.Prometheus.ScrapeTimeout,
                ["evaluation_interval"] = d.Prometheus.EvaluationInterval,
                ["external_labels"] = new YMap
                {
                    ["domain"] = d.Name,
                    ["replica"] = ReplicaName(d, replica),
                },
            },
        };
        if (d.Prometheus.Alertmanagers.Count > 0)
        {
            // Both replicas send to the same Alertmanagers, which deduplicate; the replica label must not split alerts.
            config["alerting"] = new YMap
            {
                ["alert_relabel_configs"] = new List<object> { new YMap { ["regex"] = "replica", ["action"] = "labeldrop" } },
                ["alertmanagers"] = new List<object>
                {
                    new YMap { ["static_configs"] = new List<object> { new YMap { ["targets"] = d.Prometheus.Alertmanagers.ToList() } } },
                },
            };
        }

        config["rule_files"] = new List<object> { RulesGlob };
        config["scrape_configs"] = jobs.Select(j => (object)j.Config).ToList();
        return config;
    }

    public static string ReplicaName(Domain d, int replica) => $"{d.Name}-{replica}";

    public static string FileName(int replica) => $"prometheus-{replica}.yml";
}
