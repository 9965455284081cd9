using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>
/// What an exporter tells the SDK about itself. Like a blackbox_exporter prober, each exporter is this
/// one small type plus its source; hosting, exposition, caching, auth and reload are the SDK's.
/// </summary>
public interface IExporterDefinition<TConfig> where TConfig : ExporterConfig, new()
{
    /// <summary>Short name and metric prefix (<c>datafabric</c> → <c>datafabric_up</c>).</summary>
    string Name { get; }

    /// <summary>One line for the landing page and <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Creates the source for a (re)loaded configuration.</summary>
    IScrapeSource CreateSource(TConfig config, ExporterContext context);

    /// <summary>Targets scraped on <c>/metrics</c> (may be empty for probe-only exporters).</summary>
    IReadOnlyList<ScrapeTarget> DefaultTargets(TConfig config);

    /// <summary>Module names accepted by <c>/probe</c>; empty means the module parameter is optional and free.</summary>
    IReadOnlyCollection<string> Modules(TConfig config);

    /// <summary>
    /// True when <c>module=a,b</c> asks for several modules in one probe (snmp_exporter ≥ 0.24 does): each name is then
    /// checked on its own and the source gets the list as given.
    /// </summary>
    bool AcceptsModuleList => false;

    /// <summary>
    /// Checks the extra <c>/probe</c> parameters (all but target and module) against the configuration; a message
    /// means HTTP 400, as snmp_exporter answers an unknown <c>auth</c>: a typo in a scrape job is the operator's to fix,
    /// not a target that is down.
    /// </summary>
    string? ProbeParameterProblem(TConfig config, IReadOnlyDictionary<string, string> parameters) => null;
}
