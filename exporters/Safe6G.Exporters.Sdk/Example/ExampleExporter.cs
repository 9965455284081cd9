using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Example;

/// <summary>The synthetic exporter (<c>safe6g exporter example</c>): the SDK's reference user and load generator.</summary>
public sealed class ExampleExporter : IExporterDefinition<ExampleConfig>
{
    /// <summary>The source created for the current configuration (tests read its fetch count).</summary>
    public ExampleSource? CurrentSource { get; private set; }

    /// <inheritdoc />
    public string Name => "example";

    /// <inheritdoc />
    public string Description => "Synthetic series with configurable count, label cardinality, churn, latency and errors.";

    /// <inheritdoc />
    public IScrapeSource CreateSource(ExampleConfig config, ExporterContext context) =>
        CurrentSource = new ExampleSource(config, context.Time);

    /// <inheritdoc />
    public IReadOnlyList<ScrapeTarget> DefaultTargets(ExampleConfig config) =>
        [.. config.Sources.Select(s => new ScrapeTarget(s, Source: s))];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Modules(ExampleConfig config) => [];
}
