using Safe6G.Gateway.Config;
using Safe6G.Gateway.LogQl;
using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tenancy;

/// <summary>The configured tenants, with their enforcers built once at start.</summary>
public sealed class TenantRegistry
{
    private readonly Dictionary<string, TenantPolicy> _tenants = new(StringComparer.Ordinal);

    /// <summary>Builds every tenant's enforcers and budgets (the config is already validated); <paramref name="clock"/> drives the budgets.</summary>
    public TenantRegistry(GatewayConfig config, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var mode = config.EnforcementMode == "reject" ? EnforcementMode.Reject : EnforcementMode.Intersect;
        foreach (var (name, t) in config.Tenants)
        {
            var metrics = t.Unrestricted ? null : new LabelEnforcer(t.Matchers.Select(LabelMatcher.Parse), mode);
            var logs = t.LogMatchers.Count == 0 ? null : new LogQlEnforcer(t.LogMatchers.Select(LabelMatcher.Parse), mode);
            _tenants[name] = new TenantPolicy(name, metrics, logs, string.IsNullOrEmpty(t.LokiOrgId) ? name : t.LokiOrgId,
                t.RateLimit is { } limit ? new RequestBudget(limit.RequestsPerSecond, limit.EffectiveBurst, clock) : null);
        }
    }

    /// <summary>The tenant's policy, or null when the token names a tenant the config does not know.</summary>
    public TenantPolicy? Find(string tenant) => _tenants.GetValueOrDefault(tenant);
}
