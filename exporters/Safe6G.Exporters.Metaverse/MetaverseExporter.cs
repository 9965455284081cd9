using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Metaverse;

/// <summary>The Metaverse exporter (<c>safe6g exporter metaverse</c>): sessions, users, headsets and stream quality from the Metaverse manager API.</summary>
public sealed class MetaverseExporter : IExporterDefinition<MetaverseConfig>
{
    /// <inheritdoc />
    public string Name => "metaverse";

    /// <inheritdoc />
    public string Description => "Metaverse manager: sessions/rooms, users and headsets, frame rate, end-to-end latency, bitrates, packet loss, service status.";

    /// <inheritdoc />
    public IScrapeSource CreateSource(MetaverseConfig config, ExporterContext context) => new MetaverseSource(config, context);

    /// <inheritdoc />
    public IReadOnlyList<ScrapeTarget> DefaultTargets(MetaverseConfig config) => [.. config.Managers.Select(m => new ScrapeTarget(m.Url, Source: m.Name))];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Modules(MetaverseConfig config) => [.. config.Managers.Select(m => m.Name)];
}
