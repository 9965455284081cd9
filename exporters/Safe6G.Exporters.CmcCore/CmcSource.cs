using Safe6G.Exporters.CmcCore.Cnc;
using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.CmcCore.Snapshot;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.CmcCore;

/// <summary>
/// Reads one CNC API per scrape and builds its families; hands the snapshot to the MongoDB sink (if any)
/// without waiting for it.
/// </summary>
public sealed class CmcSource : IScrapeSource, IDisposable
{
    private readonly HttpApiClients<CoreConfig> _cores;
    private readonly ExporterContext _context;
    private readonly SnapshotSink? _sink;

    /// <summary>Creates the source for a configuration generation; <paramref name="handler"/> replaces the network in tests.</summary>
    public CmcSource(CmcConfig config, ExporterContext context, SnapshotSink? sink = null, HttpMessageHandler? handler = null)
    {
        _context = context;
        _sink = sink;
        _cores = new HttpApiClients<CoreConfig>(config.Cores, "core", "https", handler);
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var (core, http, url) = _cores.Resolve(target);
        var reading = await new CncReader(http, _context.Time).ReadAsync(core, url, cancellationToken).ConfigureAwait(false);
        if (reading.Skipped.Counts.Count > 0)
            _context.Log.ForContext("target", url).Warning("core {core}: records skipped: {examples}", core.Name, string.Join("; ", reading.Skipped.Examples));
        var snapshot = CoreSnapshotBuilder.Build(reading, core);
        if (_sink is not null)
        {
            _sink.Offer(core.Name, snapshot, _context.Time.GetUtcNow());
            _sink.AddTo(snapshot, core.Name);
        }
        return snapshot;
    }

    /// <inheritdoc />
    public void Dispose() => _cores.Dispose();
}
