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
    private readonly Dictionary<string, (CoreConfig Core, UpstreamHttpClient Http)> _cores = new(StringComparer.Ordinal);
    private readonly ExporterContext _context;
    private readonly SnapshotSink? _sink;

    /// <summary>Creates the source for a configuration generation; <paramref name="handler"/> replaces the network in tests.</summary>
    public CmcSource(CmcConfig config, ExporterContext context, SnapshotSink? sink = null, HttpMessageHandler? handler = null)
    {
        _context = context;
        _sink = sink;
        foreach (var core in config.Cores)
            _cores[core.Name] = (core, new UpstreamHttpClient(core.Tls, handler));
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        // /metrics targets carry the core name; /probe uses the module's settings against the probed URL.
        var name = target.Module ?? target.Source ?? target.Target;
        if (!_cores.TryGetValue(name, out var entry))
            throw new UpstreamException("config", $"no core named '{name}' in the configuration");
        var url = target.Module is null ? entry.Core.Url : (target.Target.Contains("://", StringComparison.Ordinal) ? target.Target : "https://" + target.Target);
        var reading = await new CncReader(entry.Http, _context.Time).ReadAsync(entry.Core, url, cancellationToken).ConfigureAwait(false);
        if (reading.Skipped.Counts.Count > 0)
            _context.Log.ForContext("target", url).Warning("core {core}: records skipped: {examples}", entry.Core.Name, string.Join("; ", reading.Skipped.Examples));
        var snapshot = CoreSnapshotBuilder.Build(reading, entry.Core);
        if (_sink is not null)
        {
            _sink.Offer(entry.Core.Name, snapshot, _context.Time.GetUtcNow());
            _sink.AddTo(snapshot, entry.Core.Name);
        }
        return snapshot;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, http) in _cores.Values)
            http.Dispose();
    }
}
