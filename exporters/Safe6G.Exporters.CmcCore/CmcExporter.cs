using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.CmcCore;

/// <summary>The CMC exporter (<c>safe6g exporter cmc</c>): the Cumucore 5G core through its CNC REST API, plus the optional MongoDB sink.</summary>
public sealed class CmcExporter : IExporterDefinition<CmcConfig>
{
    private readonly Lock _sinkLock = new();
    private SnapshotSink? _sink;
    private MongoSinkConfig? _sinkConfig;

    /// <inheritdoc />
    public string Name => "cmc";

    /// <inheritdoc />
    public string Description => "Cumucore 5G core (CNC API): subscribers, slices, PDU sessions, per-UE traffic, gNBs; optional MongoDB tabular sink.";

    /// <summary>The running sink (tests read its counters), or null.</summary>
    public SnapshotSink? Sink => _sink;

    /// <inheritdoc />
    public IScrapeSource CreateSource(CmcConfig config, ExporterContext context) => new CmcSource(config, context, SinkFor(config, context));

    /// <inheritdoc />
    public IReadOnlyList<ScrapeTarget> DefaultTargets(CmcConfig config) => [.. config.Cores.Select(c => new ScrapeTarget(c.Url, Source: c.Name))];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Modules(CmcConfig config) => [.. config.Cores.Select(c => c.Name)];

    // The sink outlives configuration generations: a reload with the same mongodb section keeps its queue and counters.
    private SnapshotSink? SinkFor(CmcConfig config, ExporterContext context)
    {
        lock (_sinkLock)
        {
            if (config.Mongodb is { } wanted && _sinkConfig is { } current && wanted.SameAs(current))
                return _sink;
            var old = _sink;
            _sink = config.Mongodb is { } mongo ? new SnapshotSink(mongo, new MongoDocumentWriter(mongo), context.Time, context.Log) : null;
            _sinkConfig = config.Mongodb;
            if (old is not null)
                _ = old.DisposeAsync().AsTask();
            return _sink;
        }
    }
}
