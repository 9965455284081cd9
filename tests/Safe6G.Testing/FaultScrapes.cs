using Xunit;

namespace Safe6G.Testing;

/// <summary>
/// The fault check the HTTP-API exporters share: every failing source gives <c>_up 0</c>, one more error count and
/// exactly one log line on every scrape, the healthy one stays up and silent, and no scrape hangs.
/// </summary>
public static class FaultScrapes
{
    /// <summary>Scrapes <paramref name="metrics"/> twice and holds each scrape to the rules above.</summary>
    /// <param name="metrics">The exporter's /metrics URL.</param>
    /// <param name="exporter">The metric prefix (cmc, metaverse).</param>
    /// <param name="log">The exporter's captured log.</param>
    /// <param name="healthy">The source that must stay up.</param>
    /// <param name="faults">Each failing source with the reason it must be counted and logged under.</param>
    /// <returns>The last body, for exporter-specific checks.</returns>
    public static Task<string> AssertEachScrapeAsync(Uri metrics, string exporter, LogCapture log, string healthy, params (string Source, string Reason)[] faults) =>
        AssertEachScrapeAsync(metrics, exporter, log, healthy, faults, null);

    /// <summary>As above, and hands every scrape's body to <paramref name="eachScrape"/> for the exporter's own checks.</summary>
    public static async Task<string> AssertEachScrapeAsync(Uri metrics, string exporter, LogCapture log, string healthy,
        (string Source, string Reason)[] faults, Action<string>? eachScrape)
    {
        var body = "";
        // Two scrapes: a failure is logged on every scrape that meets it, once, not once per process or per retry.
        for (var scrape = 1; scrape <= 2; scrape++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            body = await Http.Client.GetStringAsync(metrics);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"scrape {scrape} took {watch.Elapsed}");
            Assert.Contains($"{exporter}_up{{source=\"{healthy}\"}} 1", body, StringComparison.Ordinal);
            foreach (var (source, reason) in faults)
            {
                Assert.Contains($"{exporter}_up{{source=\"{source}\"}} 0", body, StringComparison.Ordinal);
                Assert.Contains($"{exporter}_upstream_errors_total{{source=\"{source}\",reason=\"{reason}\"}} {scrape}", body, StringComparison.Ordinal);
                log.AssertScrapeFailedOncePerScrape(source, reason, scrape);
            }
            Assert.Empty(log.WarningsAbout(healthy));
            eachScrape?.Invoke(body);
        }
        return body;
    }
}
