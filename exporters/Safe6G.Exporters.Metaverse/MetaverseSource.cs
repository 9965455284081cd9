using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Metaverse;

/// <summary>Reads one Metaverse manager per scrape and builds its families.</summary>
public sealed class MetaverseSource : IScrapeSource, IDisposable
{
    private readonly HttpApiClients<ManagerConfig> _managers;
    private readonly ExporterContext _context;

    /// <summary>Creates the source for a configuration generation; <paramref name="handler"/> replaces the network in tests.</summary>
    public MetaverseSource(MetaverseConfig config, ExporterContext context, HttpMessageHandler? handler = null)
    {
        _context = context;
        _managers = new HttpApiClients<ManagerConfig>(config.Managers, "manager", "http", handler);
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var (manager, http, url) = _managers.Resolve(target);
        var reading = await new ManagerReader(http).ReadAsync(manager, url, cancellationToken).ConfigureAwait(false);
        if (reading.SkippedSessions.Count > 0 || reading.FieldErrors.Count > 0)
            _context.Log.ForContext("target", url).Warning("manager {manager}: sessions skipped {skipped}, field errors {fields}", manager.Name,
                string.Join(",", reading.SkippedSessions.Select(k => $"{k.Key}={k.Value}")), string.Join(",", reading.FieldErrors.Select(k => $"{k.Key}={k.Value}")));
        return SessionSnapshotBuilder.Build(reading, manager);
    }

    /// <inheritdoc />
    public void Dispose() => _managers.Dispose();
}
