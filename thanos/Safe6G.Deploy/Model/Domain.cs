namespace Safe6G.Deploy.Model;

/// <summary>One administrative domain (one Kubernetes cluster) with its own Prometheus, Loki and Grafana.</summary>
public sealed record Domain(
    string Name,
    bool Entrypoint,
    int ClusterId,
    string PodCidr,
    string Namespace,
    PrometheusSpec Prometheus,
    LogsSpec Logs,
    IReadOnlyList<InfrastructureElement> InfrastructureElements,
    IReadOnlyList<ExporterSpec> Exporters,
    string MeshApiServer,
    SourceLocation At);

/// <summary>The domain's Prometheus: replicas (HA pair), local retention, scrape cadence, and how the centre reaches its sidecar.</summary>
public sealed record PrometheusSpec(
    int Replicas,
    string Retention,
    string ScrapeInterval,
    string ScrapeTimeout,
    string EvaluationInterval,
    string SidecarEndpoint,
    string KubeletTokenFile,
    IReadOnlyList<string> Alertmanagers);

/// <summary>Log collection for a domain: Loki (kept in the domain, not centralised), its URL as seen from other domains, and the shipper.</summary>
public sealed record LogsSpec(bool Enabled, string Retention, string LokiUrl);

/// <summary>A computing node of a domain; per-IE exporters are scraped at its address.</summary>
public sealed record InfrastructureElement(string Name, string Address, SourceLocation At);
