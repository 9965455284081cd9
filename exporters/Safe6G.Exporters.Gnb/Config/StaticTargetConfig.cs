using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Gnb.Config;

/// <summary>A gNB scraped on <c>/metrics</c> (optional: the exporter is normally probed through <c>/probe</c>).</summary>
public sealed class StaticTargetConfig : IValidatableConfig
{
    /// <summary>The <c>source</c> label on /metrics (default: the target).</summary>
    public string? Name { get; set; }

    /// <summary><c>host[:port]</c> of the agent (default port 161).</summary>
    public string Target { get; set; } = "";

    /// <summary>Module name.</summary>
    public string Module { get; set; } = "";

    /// <summary>Auth name (default <c>public_v2</c>).</summary>
    public string Auth { get; set; } = GnbConfig.DefaultAuth;

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(!string.IsNullOrWhiteSpace(Target), "target", "must not be empty");
        context.Require(!string.IsNullOrWhiteSpace(Module), "module", "must name a module");
    }
}
