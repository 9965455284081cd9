using Safe6G.Exporters.Sdk.Scraping;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>What a source may use from its host: the logger, the clock and the self metrics.</summary>
public sealed record ExporterContext(Serilog.ILogger Log, TimeProvider Time, SelfMetrics Metrics);
