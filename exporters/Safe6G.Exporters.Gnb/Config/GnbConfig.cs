using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>
/// The gNB exporter's config: <c>auths:</c> and <c>modules:</c> apart (snmp_exporter ≥ 0.23 layout), optional
/// static <c>targets:</c>, plus the SDK's <c>scrape</c>/<c>logging</c>. A file without <c>modules:</c> (or no
/// file at all) gets the shipped modules of <c>gnb.yml</c>; without <c>auths:</c> the shipped auths.
/// </summary>
public sealed class GnbConfig : ExporterConfig
{
    /// <summary>The auth used when a probe names none (as snmp_exporter).</summary>
    public const string DefaultAuth = "public_v2";

    /// <summary>Credentials by name (<c>auth=</c> on /probe).</summary>
    public Dictionary<string, AuthConfig>? Auths { get; set; }

    /// <summary>Modules by name (<c>module=</c> on /probe).</summary>
    public Dictionary<string, ModuleConfig>? Modules { get; set; }

    /// <summary>Agents scraped on /metrics; empty for a probe-only exporter.</summary>
    public List<StaticTargetConfig> Targets { get; set; } = [];

    /// <summary>Wrap Counter64 values at 2^53 so float64 never rounds them (snmp_exporter's --snmp.wrap-large-counters; off in 0.21).</summary>
    public bool WrapLargeCounters { get; set; }

    /// <summary>True when the modules came from the shipped gnb.yml.</summary>
    internal bool UsesShippedModules { get; private set; }

    /// <inheritdoc />
    public override void Validate(ConfigValidationContext context)
    {
        // The SDK loader calls Validate once right after deserialization: the only hook where defaults that
        // depend on what the file left out can be filled in before everything is checked.
        if (Modules is null || Auths is null)
        {
            var shipped = ShippedModules.Load();
            if (Modules is null)
            {
                Modules = shipped.Modules;
                UsesShippedModules = true;
            }
            Auths ??= shipped.Auths;
        }
        base.Validate(context);
        context.Require(Auths!.Count > 0, "auths", "at least one auth is needed");
        context.Require(Modules!.Count > 0, "modules", "at least one module is needed");
        foreach (var (name, auth) in Auths)
        {
            if (auth is null)
                context.Error($"auths.{name}", "is empty");
            else
                auth.Validate(context.For($"auths.{name}"));
        }
        foreach (var (name, module) in Modules)
        {
            if (module is null)
                context.Error($"modules.{name}", "is empty");
            else if (!UsesShippedModules)
                module.Validate(context.For($"modules.{name}"));
        }
        for (var i = 0; i < Targets.Count; i++)
        {
            var target = Targets[i];
            var at = context.For($"targets[{i}]");
            target.Validate(at);
            if (!string.IsNullOrEmpty(target.Module) && !Modules.ContainsKey(target.Module))
                at.Error("module", $"unknown module '{target.Module}' (known: {string.Join(", ", Modules.Keys)})");
            if (!Auths.ContainsKey(target.Auth))
                at.Error("auth", $"unknown auth '{target.Auth}' (known: {string.Join(", ", Auths.Keys)})");
        }
    }
}
