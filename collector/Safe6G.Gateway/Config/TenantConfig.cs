using Safe6G.Exporters.Sdk.Config;
using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Config;

/// <summary>What one tenant may read: label matchers for metrics (and optionally logs), its Loki org.</summary>
public sealed class TenantConfig : IValidatableConfig
{
    /// <summary>Matchers added to every PromQL selector, e.g. <c>domain="upv"</c>.</summary>
    public List<string> Matchers { get; set; } = [];

    /// <summary>Matchers added to every LogQL stream selector; empty relies on the Loki org alone.</summary>
    public List<string> LogMatchers { get; set; } = [];

    /// <summary>X-Scope-OrgID sent to Loki; defaults to the tenant name.</summary>
    public string? LokiOrgId { get; set; }

    /// <summary>No enforcement at all (an operator tenant); must be said explicitly.</summary>
    public bool Unrestricted { get; set; }

    /// <summary>Request budget of this tenant over all routes; null is unlimited.</summary>
    public RateLimitConfig? RateLimit { get; set; }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Validate("rate_limit", RateLimit);
        if (Unrestricted)
        {
            context.Require(Matchers.Count == 0 && LogMatchers.Count == 0, "unrestricted", "an unrestricted tenant cannot also have matchers");
            return;
        }

        context.Require(Matchers.Count > 0, "matchers", "a restricted tenant needs at least one matcher (or unrestricted: true)");
        Check(context, "matchers", Matchers);
        Check(context, "log_matchers", LogMatchers);
    }

    private static void Check(ConfigValidationContext context, string field, List<string> matchers)
    {
        if (matchers.Count == 0)
        {
            return;
        }

        try
        {
            _ = new LabelEnforcer(matchers.Select(LabelMatcher.Parse));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            context.Error(field, ex.Message);
        }
    }
}
