using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Metaverse;

/// <summary>Reads one Metaverse manager per scrape and builds its families.</summary>
public sealed class MetaverseSource : IScrapeSource, IDisposable
{
    private readonly Dictionary<string, (ManagerConfig Manager, UpstreamHttpClient Http)> _managers = new(StringComparer.Ordinal);
    private readonly ExporterContext _context;

    /// <summary>Creates the source for a configuration generation; <paramref name="handler"/> replaces the network in tests.</summary>
    public MetaverseSource(MetaverseConfig config, ExporterContext context, HttpMessageHandler? handler = null)
    {
        _context = context;
        foreach (var manager in config.Managers)
            _managers[manager.Name] = (manager, new UpstreamHttpClient(manager.Tls, handler));
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var name = target.Module ?? target.Source ?? target.Target;
        if (!_managers.TryGetValue(name, out var entry))
            throw new UpstreamException("config", $"no manager named '{name}' in the configuration");
        var url = target.Module is null ? entry.Manager.Url : (target.Target.Contains("://", StringComparison.Ordinal) ? target.Target : "http://" + target.Target);
        var reading = await new ManagerReader(entry.Http).ReadAsync(entry.Manager, url, cancellationToken).ConfigureAwait(false);
        if (reading.SkippedSessions.Count > 0 || reading.FieldErrors.Count > 0)
            _context.Log.ForContext("target", url).Warning("manager {manager}: sessions skipped {skipped}, field errors {fields}", entry.Manager.Name,
                string.Join(",", reading.SkippedSessions.Select(k => $"{k.Key}={k.Value}")), string.Join(",", reading.FieldErrors.Select(k => $"{k.Key}={k.Value}")));
        return SessionSnapshotBuilder.Build(reading, entry.Manager);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, http) in _managers.Values)
            http.Dispose();
    }
}
