using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Sdk.Sources;

/// <summary>
/// The one contract every exporter implements: read the upstream for one target within the scrape's
/// deadline (carried by the cancellation token) and return freshly built families.
/// Throwing means the upstream failed: the SDK reports <c>&lt;exporter&gt;_up 0</c> and counts the error.
/// </summary>
public interface IScrapeSource
{
    /// <summary>Collects one snapshot for <paramref name="target"/>.</summary>
    Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken);
}
