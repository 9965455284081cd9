using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.DataFabric;

/// <summary>The Data Fabric exporter (<c>safe6g exporter datafabric</c>): the aeriOS continuum from NGSI-LD brokers.</summary>
public sealed class DataFabricExporter : IExporterDefinition<DataFabricConfig>
{
    /// <inheritdoc />
    public string Name => "datafabric";

    /// <inheritdoc />
    public string Description => "Meta-OS Data Fabric: domains, infrastructure elements, services and trust functions from NGSI-LD (Orion-LD) brokers.";

    /// <inheritdoc />
    public IScrapeSource CreateSource(DataFabricConfig config, ExporterContext context) => new DataFabricSource(config, context);

    /// <inheritdoc />
    public IReadOnlyList<ScrapeTarget> DefaultTargets(DataFabricConfig config) =>
        [.. config.Brokers.Select(b => new ScrapeTarget(b.Url, Source: b.Name))];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Modules(DataFabricConfig config) => [.. config.Brokers.Select(b => b.Name)];
}
