using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Gnb;

/// <summary><c>safe6g exporter gnb</c>: Baicells gNB (and any SNMP agent) → Prometheus, probed like snmp_exporter.</summary>
public sealed class GnbExporter : IExporterDefinition<GnbConfig>
{
    /// <inheritdoc />
    public string Name => "gnb";

    /// <inheritdoc />
    public string Description => "Baicells gNB performance over SNMP v1/v2c/v3: /probe?target=host:port&module=baicells_qrtb[,system]&auth=public_v2";

    /// <inheritdoc />
    public IScrapeSource CreateSource(GnbConfig config, ExporterContext context) => new GnbSource(config, context.Log);

    /// <inheritdoc />
    public IReadOnlyList<ScrapeTarget> DefaultTargets(GnbConfig config) =>
        [.. config.Targets.Select(t => new ScrapeTarget(t.Target, t.Module,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["auth"] = t.Auth }, t.Name ?? t.Target))];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Modules(GnbConfig config) => [.. config.Modules!.Keys];

    /// <inheritdoc />
    public bool AcceptsModuleList => true;

    /// <inheritdoc />
    public string? ProbeParameterProblem(GnbConfig config, IReadOnlyDictionary<string, string> parameters)
    {
        var auth = parameters.TryGetValue("auth", out var given) && given.Length > 0 ? given : GnbConfig.DefaultAuth;
        return config.Auths!.ContainsKey(auth) ? null : $"Unknown auth '{auth}'";
    }
}
