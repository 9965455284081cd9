using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Exporters.Sdk.Scraping;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>The part of every exporter config the SDK owns: <c>domain</c>, <c>scrape</c> and <c>logging</c>.</summary>
public class ExporterConfig : IValidatableConfig
{
    /// <summary>The continuum domain this exporter runs in (a log label; series carry their own labels).</summary>
    public string? Domain { get; set; }

    /// <summary>Scrape behaviour: timeout, cache TTL, upstream concurrency.</summary>
    public ScrapeSettings Scrape { get; set; } = new();

    /// <summary>Log level and optional Loki push.</summary>
    public LoggingSettings Logging { get; set; } = new();

    /// <inheritdoc />
    public virtual void Validate(ConfigValidationContext context)
    {
        var scrape = context.For("scrape");
        scrape.Require(Scrape.Timeout > TimeSpan.Zero, "timeout", "must be positive");
        scrape.Require(Scrape.TimeoutOffset >= TimeSpan.Zero, "timeout_offset", "must not be negative");
        scrape.Require(Scrape.CacheTtl >= TimeSpan.Zero, "cache_ttl", "must not be negative");
        scrape.Require(Scrape.ReturnMemoryAfter >= TimeSpan.Zero, "return_memory_after", "must not be negative");
        scrape.Require(Scrape.MaxConcurrency is > 0 and <= 1024, "max_concurrency", "must be between 1 and 1024");
        for (var i = 0; i < Scrape.DropFamilies.Count; i++)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(Scrape.DropFamilies[i], System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                scrape.Error($"drop_families[{i}]", $"is not a regular expression: {ex.Message}");
            }
        }
        context.Validate("logging", Logging);
    }
}
