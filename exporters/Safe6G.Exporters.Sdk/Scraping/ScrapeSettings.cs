using System.Text.RegularExpressions;

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

    /// <summary>
    /// How long after a scrape that allocated 16 MB or more the exporter returns its spare memory to the operating
    /// system with one compacting collection (0 = never). See <see cref="MemoryReturn"/>.
    /// </summary>
    public TimeSpan ReturnMemoryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upstream fetches allowed at once across all targets.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Regular expressions (anchored, like Prometheus's relabel regexes) of metric family names not to serve, e.g.
    /// <c>datafabric_infrastructure_element_network_.*</c>: a whole family is left out before it is cached or written, so
    /// the series never cost Prometheus anything. The exporter's own <c>_up</c> and self-metrics are never dropped.
    /// </summary>
    public List<string> DropFamilies { get; set; } = [];

    /// <summary>The <see cref="DropFamilies"/> patterns as one anchored regex, or null when there are none (valid after validation).</summary>
    public Regex? DropFamiliesRegex() =>
        DropFamilies.Count == 0 ? null
        : new Regex($"^(?:{string.Join('|', DropFamilies.Select(p => $"(?:{p})"))})$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
