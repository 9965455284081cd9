using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Logging;

namespace Safe6G.Gateway.Config;

/// <summary>The gateway's YAML configuration (snake_case; env overrides with SAFE6G_GATEWAY_).</summary>
public sealed class GatewayConfig : IValidatableConfig
{
    /// <summary>Prometheus-API upstream (Thanos Query) served under /thanos.</summary>
    public UpstreamConfig Thanos { get; set; } = new() { Url = "http://127.0.0.1:10902" };

    /// <summary>Loki upstream served under /loki; null turns the /loki routes off (they answer 404).</summary>
    public UpstreamConfig? Loki { get; set; }

    /// <summary>Token validation.</summary>
    public AuthConfig Auth { get; set; } = new();

    /// <summary>Tenant name (the token claim's value) → what that tenant may read.</summary>
    public Dictionary<string, TenantConfig> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>intersect (keep the user's matcher and AND the tenant's) or reject (refuse conflicting matchers).</summary>
    public string EnforcementMode { get; set; } = "intersect";

    /// <summary>Dataset export limits.</summary>
    public DatasetConfig Datasets { get; set; } = new();

    /// <summary>Optional exporter-toolkit web config (TLS) file, relative to the working directory.</summary>
    public string? WebConfigFile { get; set; }

    /// <summary>Log level and optional Loki shipping.</summary>
    public LoggingSettings Logging { get; set; } = new();

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Validate("thanos", Thanos);
        context.Validate("loki", Loki);
        context.Validate("auth", Auth);
        context.Validate("datasets", Datasets);
        context.Validate("logging", Logging);
        context.Require(EnforcementMode is "intersect" or "reject", "enforcement_mode", "must be intersect or reject");
        context.Require(Tenants.Count > 0, "tenants", "at least one tenant is needed, or every token would be refused");
        foreach (var (name, tenant) in Tenants)
        {
            context.Validate($"tenants.{name}", tenant);
        }
    }
}
