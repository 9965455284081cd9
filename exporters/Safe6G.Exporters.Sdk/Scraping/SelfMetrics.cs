using Prometheus;

namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>
/// The exporter's own health series (served on /metrics): upstream fetches and errors, cache hits and
/// config reload state. One registry per host, so several hosts in one process (tests) stay apart.
/// </summary>
public sealed class SelfMetrics
{
    /// <summary>Creates the self metrics for an exporter whose metric prefix is <paramref name="prefix"/>.</summary>
    public SelfMetrics(string prefix, string version)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        UpstreamFetches = factory.CreateCounter($"{prefix}_upstream_fetches_total",
            "Upstream reads actually made (after singleflight and cache).", "source");
        UpstreamErrors = factory.CreateCounter($"{prefix}_upstream_errors_total",
            "Upstream reads that failed, by reason (timeout, http_status, malformed, connect, ...).", "source", "reason");
        CacheHits = factory.CreateCounter($"{prefix}_scrape_cache_hits_total",
            "Scrapes answered from a fetch already in flight or cached within cache_ttl.", "source");
        ReloadSuccessful = factory.CreateGauge($"{prefix}_config_last_reload_successful",
            "1 if the last configuration load or reload succeeded, else 0.");
        ReloadTimestamp = factory.CreateGauge($"{prefix}_config_last_reload_success_timestamp_seconds",
            "Unix time of the last successful configuration load.");
        factory.CreateGauge($"{prefix}_build_info", "Build information of the exporter; value 1.", "version", "runtime")
            .WithLabels(version, Environment.Version.ToString()).Set(1);
    }

    /// <summary>The registry holding these series.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Upstream fetches by source.</summary>
    public Counter UpstreamFetches { get; }

    /// <summary>Upstream errors by source and reason.</summary>
    public Counter UpstreamErrors { get; }

    /// <summary>Scrapes served without a new upstream fetch.</summary>
    public Counter CacheHits { get; }

    /// <summary>1 when the last reload succeeded.</summary>
    public Gauge ReloadSuccessful { get; }

    /// <summary>Time of the last successful load.</summary>
    public Gauge ReloadTimestamp { get; }
}
