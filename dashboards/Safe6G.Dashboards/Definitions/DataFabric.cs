using Safe6G.Dashboards.Building;
using Safe6G.Dashboards.Model;

namespace Safe6G.Dashboards.Definitions;

/// <summary>Dashboard 4 (seed Figure 11): the Meta-OS Data Fabric itself: entity counts, broker health, staleness.</summary>
public static class DataFabric
{
    public const string Uid = "safe6g-data-fabric";

    public static Dashboard Build() => new DashboardBuilder()
        .Variable(Variables.Domain("datafabric_infrastructure_element_info"))
        .Variable(Variables.Label("source", "Broker", "datafabric_up", "Context broker (the exporter's source)."))
        .Row("Entities")
        .Stat("Entities", "NGSI-LD entities read in the last scrape, all types.",
            new("""sum(datafabric_entities{source=~"$source"})"""))
        .Stat("Entities skipped", "Entities left out (no id, duplicate, IE without domain).",
            new("""sum(datafabric_entities_skipped{source=~"$source"}) or vector(0)"""),
            thresholds: new([new ThresholdStep("green", null), new ThresholdStep("orange", 1)]))
        .Stat("Attribute errors", "Attributes of the wrong type, left out of the metrics.",
            new("""sum(datafabric_attribute_errors{source=~"$source"}) or vector(0)"""),
            thresholds: new([new ThresholdStep("green", null), new ThresholdStep("orange", 1)]))
        .Stat("Infrastructure elements", "IEs of the selected domains.",
            new("""count(datafabric_infrastructure_element_info{domain=~"$domain"})"""))
        .Stat("Low-level orchestrators", "LLOs of the selected domains.",
            new("""count(datafabric_low_level_orchestrator_info{domain=~"$domain"})"""))
        .Stat("Service lifecycles", "ServiceLifecycle entities.",
            new("""count(datafabric_service_lifecycle_info)"""))
        .TimeSeries("Entities by type", "Entities per NGSI-LD type and broker.", Units.Count,
            [new("""sum by (source, type) (datafabric_entities{source=~"$source"})""", "{{source}} {{type}}")])
        .BarGauge("Entities skipped by reason", "Skipped entities per broker, type and reason (0 when none).", Units.Count,
            new("""sum by (source, type, reason) (datafabric_entities_skipped{source=~"$source"}) or on() vector(0)""", "{{source}} {{type}} {{reason}}"), w: 12)
        .Row("Broker health")
        .Stat("Brokers up", "1 when the broker answered every type in the last scrape.",
            new("""datafabric_up{source=~"$source"}""", "{{source}}"), w: 6,
            thresholds: new([new ThresholdStep("red", null), new ThresholdStep("green", 1)]))
        .TimeSeries("Scrape duration", "Time to read each broker in a scrape.", Units.Seconds,
            [new("""datafabric_scrape_duration_seconds{source=~"$source"}""", "{{source}}")], w: 9, min: 0)
        .TimeSeries("Upstream errors", "Broker errors per second by reason (http_status, timeout, refused, malformed, auth).", Units.PerSecond,
            [new("""sum by (source, reason) (rate(datafabric_upstream_errors_total{source=~"$source"}[$__rate_interval])) or on() vector(0)""", "{{source}} {{reason}}")], w: 9, min: 0)
        .TimeSeries("Request duration by type", "Time to page through one entity type.", Units.Seconds,
            [new("""datafabric_broker_request_duration_seconds{source=~"$source"}""", "{{source}} {{type}}")], min: 0)
        .TimeSeries("Pages by type", "Pages (limit/offset) read per entity type.", Units.Count,
            [new("""datafabric_broker_pages{source=~"$source"}""", "{{source}} {{type}}")], min: 0)
        .Row("Staleness")
        .TimeSeries("Oldest IE update per domain", "Seconds since the least recently updated IE of the domain changed (modifiedAt).", Units.Seconds,
            [new("""time() - min by (domain) (datafabric_infrastructure_element_last_update_timestamp_seconds{domain=~"$domain"})""", "{{domain}}")], min: 0)
        .Table("Stalest IEs", "The ten IEs updated longest ago.", Units.Seconds,
            new("""topk(10, time() - datafabric_infrastructure_element_last_update_timestamp_seconds{domain=~"$domain"})"""))
        .Build(Uid, "Safe6G / Meta-OS Data Fabric",
            "Entity counts, context broker health and staleness of the Data Fabric (Data Fabric exporter).",
            "datafabric");
}
