using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Emit;

/// <summary>One Prometheus config per replica of a domain: globals, external labels domain/replica, rule files, jobs.</summary>
internal static class PrometheusConfigBuilder
{
    public const string RulesGlob = "rules/*.rules.yml";

    public static YMap Build(Domain d, int replica, IReadOnlyList<ScrapeJob> jobs) => new()
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
        ["rule_files"] = new List<object> { RulesGlob },
        ["scrape_configs"] = jobs.Select(j => (object)j.Config).ToList(),
    };

    public static string ReplicaName(Domain d, int replica) => $"{d.Name}-{replica}";

    public static string FileName(int replica) => $"prometheus-{replica}.yml";
}
