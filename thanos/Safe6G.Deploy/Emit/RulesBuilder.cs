using Safe6G.Deploy.Model;
using Safe6G.Deploy.Parsing;

namespace Safe6G.Deploy.Emit;

/// <summary>Alerting and recording rules for a domain; metric names follow the exporters' contract (DESIGN §4).</summary>
internal static class RulesBuilder
{
    public const string AlertsFile = "safe6g-alerts.rules.yml";
    public const string RecordingFile = "safe6g-recording.rules.yml";

    /// <summary>Above this share of the job's scrape_timeout a scrape counts as "too slow".</summary>
    public const double SlowScrapeShare = 0.8;

    /// <summary>CPU or RAM usage ratio above which an infrastructure element is overloaded.</summary>
    public const double OverloadRatio = 0.9;

    public static YMap Alerts(Domain d, IReadOnlyList<ScrapeJob> jobs)
    {
        var monitored = jobs.Where(j => j.Name != "prometheus" && !j.Probe).Select(j => j.Name).ToList();
        var exporterRules = new List<object>();
        if (monitored.Count > 0)
        {
            exporterRules.Add(Alert(
                "Safe6GExporterDown",
                $"up{{job=~\"{string.Join("|", monitored)}\"}} == 0",
                "5m",
                "critical",
                "Exporter {{ $labels.job }} on {{ $labels.instance }} is down",
                "Prometheus in domain " + d.Name + " has not scraped {{ $labels.instance }} (job {{ $labels.job }}) for 5 minutes."));
        }

        exporterRules.Add(Alert(
            "Safe6GExporterSourceDown",
            "datafabric_up == 0 or metaverse_up == 0",
            "5m",
            "warning",
            "Upstream {{ $labels.source }} of {{ $labels.job }} is unreachable",
            "The exporter answers, but its upstream source {{ $labels.source }} has failed for 5 minutes."));

        var groups = new List<object>
        {
            Group("safe6g-exporters", exporterRules),
            Group("safe6g-continuum",
            [
                Alert("Safe6GInfrastructureElementCpuOverloaded",
                    $"datafabric_infrastructure_element_cpu_usage_ratio > {OverloadRatio:0.##}",
                    "10m", "warning",
                    "IE {{ $labels.ie }} in {{ $labels.domain }} is CPU-overloaded",
                    "CPU usage of {{ $labels.ie }} has been above " + $"{OverloadRatio:P0}".Replace(" ", string.Empty, StringComparison.Ordinal) + " for 10 minutes (now {{ $value | humanizePercentage }})."),
                Alert("Safe6GInfrastructureElementRamOverloaded",
                    $"datafabric_infrastructure_element_ram_usage_ratio > {OverloadRatio:0.##}",
                    "10m", "warning",
                    "IE {{ $labels.ie }} in {{ $labels.domain }} is RAM-overloaded",
                    "RAM usage of {{ $labels.ie }} has been above " + $"{OverloadRatio:P0}".Replace(" ", string.Empty, StringComparison.Ordinal) + " for 10 minutes (now {{ $value | humanizePercentage }})."),
            ]),
            Group("safe6g-ran",
            [
                Alert("Safe6GGnbCellDown", "gnb_cell_up == 0", "2m", "critical",
                    "Cell {{ $labels.cell }} of gNB {{ $labels.gnb }} is down",
                    "gnb_cell_up has been 0 for cell {{ $labels.cell }} of {{ $labels.gnb }} for 2 minutes."),
                // One alert per gNB, when every module's probe job fails: one failing module is a config problem, not
                // an unreachable node, and one alert per module job would page twice for the same outage.
                Alert("Safe6GGnbUnreachable", "max by (gnb, instance) (gnb_up{job=~\"gnb-probe-.*\"}) == 0", "5m", "critical",
                    "gNB {{ $labels.gnb }} does not answer SNMP",
                    "The gnb exporter probed {{ $labels.instance }} with every module and got no answer for 5 minutes."),
            ]),
            Group("safe6g-core",
            [
                Alert("Safe6GCoreApiDown", "cmc_up == 0", "5m", "critical",
                    "5G core API {{ $labels.source }} is down",
                    "The cmc exporter cannot reach the Cumucore CNC API {{ $labels.source }} for 5 minutes."),
            ]),
            Group("safe6g-scrape", [SlowScrapeAlert(jobs)]),
        };

        return new YMap { ["groups"] = groups };
    }

    public static YMap Recording() => new()
    {
        ["groups"] = new List<object>
        {
            Group("safe6g-recording",
            [
                Record("domain:datafabric_infrastructure_element_cpu_usage_ratio:avg",
                    "avg by (domain) (datafabric_infrastructure_element_cpu_usage_ratio)"),
                Record("domain:datafabric_infrastructure_element_ram_usage_ratio:avg",
                    "avg by (domain) (datafabric_infrastructure_element_ram_usage_ratio)"),
                Record("domain:datafabric_infrastructure_element_power_watts:sum",
                    "sum by (domain) (datafabric_infrastructure_element_power_watts)"),
                Record("gnb:gnb_cell_up:ratio", "avg by (gnb) (gnb_cell_up)"),
                Record("job:up:ratio", "avg by (job) (up)"),
            ]),
        },
    };

    // Prometheus 2.42 has no scrape_timeout_seconds series without a feature flag, so the threshold is
    // baked in per job from the timeout we generated; jobs with equal timeouts share one selector.
    private static YMap SlowScrapeAlert(IReadOnlyList<ScrapeJob> jobs)
    {
        var parts = jobs
            .GroupBy(j => j.Timeout)
            .OrderBy(g => g.Key)
            .Select(g => $"scrape_duration_seconds{{job=~\"{string.Join("|", g.Select(j => j.Name))}\"}} > {PromDuration.Seconds(g.Key * SlowScrapeShare)}");
        return Alert("Safe6GScrapeTooSlow", string.Join(" or ", parts), "15m", "warning",
            "Scrapes of {{ $labels.job }} on {{ $labels.instance }} are close to their timeout",
            "The last scrape took {{ $value | humanizeDuration }}, over " + $"{SlowScrapeShare:P0}".Replace(" ", string.Empty, StringComparison.Ordinal) + " of the job's scrape_timeout, for 15 minutes.");
    }

    private static YMap Group(string name, List<object> rules) => new() { ["name"] = name, ["rules"] = rules };

    private static YMap Alert(string name, string expr, string @for, string severity, string summary, string description) => new()
    {
        ["alert"] = name,
        ["expr"] = expr,
        ["for"] = @for,
        ["labels"] = new YMap { ["severity"] = severity },
        ["annotations"] = new YMap { ["summary"] = summary, ["description"] = description },
    };

    private static YMap Record(string name, string expr) => new() { ["record"] = name, ["expr"] = expr };
}
