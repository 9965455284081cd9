using System.Diagnostics;
using Safe6G.Exporters.Gnb.Collect;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb;

/// <summary>
/// Probes one agent with one module (or several, <c>module=a,b</c>): walks the module's subtrees and GETs its scalars in
/// parallel, then builds the families and the per-probe SNMP numbers (<c>gnb_snmp_*</c>, like snmp_exporter's <c>snmp_scrape_*</c>).
/// Only GET/GETNEXT/GETBULK are ever sent (Safe6G.Snmp has no write API).
/// </summary>
public sealed class GnbSource : IScrapeSource
{
    private readonly GnbConfig _config;
    private readonly SnmpClient _client;
    private readonly Dictionary<string, SnmpCredentials> _credentials;
    private readonly Dictionary<string, ModulePlan> _plans;
    private readonly Serilog.ILogger _log;

    /// <summary>Creates the source for a validated configuration; one SNMP client serves all targets.</summary>
    public GnbSource(GnbConfig config, Serilog.ILogger log, SnmpClient? client = null)
    {
        _config = config;
        _log = log;
        _client = client ?? new SnmpClient(new SnmpClientOptions());
        _credentials = config.Auths!.ToDictionary(a => a.Key, a => a.Value.ToCredentials(), StringComparer.Ordinal);
        _plans = config.Modules!.ToDictionary(m => m.Key, m => new ModulePlan(m.Key, m.Value), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var modules = (target.Module ?? _plans.Keys.First()).Split(',');
        if (modules.Length == 1)
            return await CollectModuleAsync(target, modules[0], cancellationToken).ConfigureAwait(false);
        // module=a,b: the modules are read at once (like their subtrees) and merged; one failure fails the probe.
        var snapshots = await Task.WhenAll(modules.Select(m => CollectModuleAsync(target, m, cancellationToken))).ConfigureAwait(false);
        return ModuleMerge.Merge(modules, snapshots);
    }

    private async Task<MetricSnapshot> CollectModuleAsync(ScrapeTarget target, string moduleName, CancellationToken cancellationToken)
    {
        if (!_plans.TryGetValue(moduleName, out var plan))
            throw new UpstreamException("unknown_module", $"unknown module '{moduleName}'");
        var authName = target.Parameter("auth") is { Length: > 0 } a ? a : GnbConfig.DefaultAuth;
        if (!_credentials.TryGetValue(authName, out var credentials))
            throw new UpstreamException("unknown_auth", $"unknown auth '{authName}' (known: {string.Join(", ", _credentials.Keys)})");

        var endPoint = await ResolveAsync(target.Target, cancellationToken).ConfigureAwait(false);
        var module = plan.Module;
        var snmpTarget = new SnmpTarget(endPoint, credentials)
        {
            Timeout = module.Timeout,
            Retries = module.Retries,
            MaxRepetitions = module.MaxRepetitions,
            AllowNonIncreasingOids = module.AllowNonincreasingOids,
        };

        var stats = new SnmpStats();
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<VarBind> varBinds;
        try
        {
            varBinds = await ReadAsync(snmpTarget, module, stats, cancellationToken).ConfigureAwait(false);
        }
        catch (SnmpException ex)
        {
            throw Translate(ex, target.Target);
        }
        var walkSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var result = SnapshotBuilder.Build(plan, varBinds, _config.WrapLargeCounters);
        if (result.Duplicates > 0)
            _log.ForContext("target", target.Target).Warning("module {module}: {count} varbinds gave a series already seen; dropped", moduleName, result.Duplicates);
        AddSelfMetrics(result.Snapshot, moduleName, walkSeconds, stats, result.Unmatched);
        return result.Snapshot;
    }

    // Independent subtrees (and the GET batch) go out at once: the probe takes as long as its slowest walk.
    private async Task<IReadOnlyList<VarBind>> ReadAsync(SnmpTarget target, ModuleConfig module, SnmpStats stats, CancellationToken cancellationToken)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task<IReadOnlyList<VarBind>>>(module.WalkOids.Count + 1);
        foreach (var root in module.WalkOids)
            tasks.Add(CancelOthersOnFailure(_client.WalkAsync(target, root, stats, failFast.Token), failFast));
        if (module.GetOids.Count > 0)
            tasks.Add(CancelOthersOnFailure(_client.GetAsync(target, module.GetOids, stats, failFast.Token), failFast));
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A sibling failed and cancelled the rest: report the real failure, not the cancellation.
            var failed = tasks.First(t => t.IsFaulted);
            throw failed.Exception!.InnerException!;
        }
        var all = new List<VarBind>(tasks.Sum(t => t.Result.Count));
        foreach (var task in tasks)
            all.AddRange(task.Result);
        return all;
    }

    private static async Task<IReadOnlyList<VarBind>> CancelOthersOnFailure(Task<IReadOnlyList<VarBind>> task, CancellationTokenSource others)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (SnmpException)
        {
            await others.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<System.Net.EndPoint> ResolveAsync(string target, CancellationToken cancellationToken)
    {
        try
        {
            return await SnmpTarget.ResolveAsync(target, 161, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new UpstreamException("bad_target", $"target '{target}' is not host[:port]: {ex.Message}");
        }
        catch (SnmpException ex)
        {
            throw new UpstreamException("resolve", $"target '{target}': {ex.Message}");
        }
    }

    private static UpstreamException Translate(SnmpException ex, string target) => ex switch
    {
        SnmpTimeoutException t => new UpstreamException("snmp_timeout",
            $"{target}: no answer after {t.Attempts} attempt(s) of {t.TimeoutPerAttempt.TotalSeconds:0.###}s" +
            (t.PortUnreachable ? " (port unreachable: no agent listening)" : " (agent down, filtered, or wrong community/v3 privacy password)"), ex),
        SnmpSecurityException or SnmpAuthorizationException => new UpstreamException("auth", $"{target}: {ex.Message}", ex),
        SnmpDecodeException or SnmpProtocolException => new UpstreamException("malformed", $"{target}: {ex.Message}", ex),
        _ => new UpstreamException("snmp_error", $"{target}: {ex.Message}", ex),
    };

    private static void AddSelfMetrics(MetricSnapshot snapshot, string module, double walkSeconds, SnmpStats stats, int unmatched)
    {
        snapshot.Gauge("gnb_snmp_walk_duration_seconds", "Time the SNMP walks and GETs of this probe took.", "module").Add(walkSeconds, module);
        snapshot.Gauge("gnb_snmp_packets_sent", "SNMP packets sent by this probe, including retries and v3 discovery.", "module").Add(stats.PacketsSent, module);
        snapshot.Gauge("gnb_snmp_packets_retried", "SNMP packets sent again after a timeout in this probe.", "module").Add(stats.PacketsRetried, module);
        snapshot.Gauge("gnb_snmp_pdus_returned", "Varbinds the agent returned in this probe.", "module").Add(stats.VarBindsReturned, module);
        snapshot.Gauge("gnb_snmp_unmatched_varbinds", "Returned varbinds no metric of the module describes (walk wider than the metrics).", "module").Add(unmatched, module);
    }
}
