namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>How scrapes of one exporter behave; the <c>scrape:</c> section of every exporter config.</summary>
public sealed class ScrapeSettings
{
    /// <summary>Upper bound for one scrape when Prometheus sends no (or a longer) timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much earlier than Prometheus's scrape timeout we answer.</summary>
    public TimeSpan TimeoutOffset { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a successful fetch is reused by later scrapes of the same target (0 = only while in flight).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upstream fetches allowed at once across all targets.</summary>
    public int MaxConcurrency { get; set; } = 8;
}
