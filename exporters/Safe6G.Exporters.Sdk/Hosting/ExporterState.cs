using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>One configuration generation: swapped whole on reload, so a scrape sees one consistent view.</summary>
internal sealed record ExporterState<TConfig>(
    TConfig Config,
    IScrapeSource Source,
    ScrapeCoordinator Coordinator,
    IReadOnlyList<ScrapeTarget> Targets,
    IReadOnlyCollection<string> Modules,
    MemoryReturn MemoryReturn)
    where TConfig : ExporterConfig, new();
