using Safe6G.Exporters.DataFabric.Ngsi;
using Safe6G.Exporters.DataFabric.Snapshot;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Http;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.DataFabric;

/// <summary>
/// Reads one broker per scrape: every configured entity type, in parallel, each paginated to the end, and
/// turns them into one snapshot. A failing type fails the broker (its <c>datafabric_up</c> goes to 0);
/// a bad entity or attribute is skipped, counted and logged.
/// </summary>
public sealed class DataFabricSource : IScrapeSource, IDisposable
{
    private const int TypesInParallel = 4;
    private readonly Dictionary<string, (BrokerConfig Broker, TokenSource Tokens)> _brokers = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly HttpClient _insecureHttp;
    private readonly ExporterContext _context;

    /// <summary>Creates the source for a configuration generation.</summary>
    public DataFabricSource(DataFabricConfig config, ExporterContext context, HttpMessageHandler? handler = null)
    {
        _context = context;
        _http = handler is null ? new HttpClient(UpstreamHandlers.Create(null)) : new HttpClient(handler, disposeHandler: false);
        _insecureHttp = handler is null ? new HttpClient(UpstreamHandlers.Create(new HttpTlsSettings { InsecureSkipVerify = true })) : _http;
        // Per-request time is bounded by the broker timeout and the scrape deadline, not by HttpClient's own.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _insecureHttp.Timeout = Timeout.InfiniteTimeSpan;
        foreach (var broker in config.Brokers)
            _brokers[broker.Name] = (broker, new TokenSource(broker.Auth, broker.InsecureSkipVerify ? _insecureHttp : _http, context.Time));
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        // /metrics targets carry the broker name; /probe uses the module's settings against the probed URL.
        var name = target.Module ?? target.Source ?? target.Target;
        if (!_brokers.TryGetValue(name, out var entry))
            throw new UpstreamException("config", $"no broker named '{name}' in the configuration");
        var broker = target.Module is null ? entry.Broker : CopyWithUrl(entry.Broker, target.Target);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(broker.Timeout);

        var builder = new ContinuumSnapshotBuilder(broker.EntityTypes);
        var pager = new EntityPager(broker.InsecureSkipVerify ? _insecureHttp : _http, broker, entry.Tokens);
        try
        {
            await Parallel.ForEachAsync(broker.EntityTypes, new ParallelOptions { MaxDegreeOfParallelism = TypesInParallel, CancellationToken = timeout.Token },
                async (type, ct) => builder.RecordStats(type, await pager.ReadAllAsync(type, builder.HandlerFor(type), ct).ConfigureAwait(false)))
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamException("timeout", $"broker {broker.Name} ({broker.Url}) did not answer within its timeout of {broker.Timeout.TotalSeconds:0.###}s");
        }
        foreach (var problem in builder.Problems)
            _context.Log.ForContext("target", broker.Url).Warning("broker {source}: {problem}", broker.Name, problem);
        return builder.Build(target.SourceLabel);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        if (!ReferenceEquals(_insecureHttp, _http))
            _insecureHttp.Dispose();
    }

    private static BrokerConfig CopyWithUrl(BrokerConfig broker, string url) => new()
    {
        Name = broker.Name,
        Url = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url,
        Local = broker.Local,
        Tenant = broker.Tenant,
        Auth = broker.Auth,
        Timeout = broker.Timeout,
        PageSize = broker.PageSize,
        AerosHeader = broker.AerosHeader,
        Format = broker.Format,
        EntityTypes = broker.EntityTypes,
        InsecureSkipVerify = broker.InsecureSkipVerify,
    };
}
