using Safe6G.Gateway.LogQl;
using Safe6G.Gateway.PromQl;

namespace Safe6G.Gateway.Tenancy;

/// <summary>
/// What one tenant may read, ready to apply: the PromQL enforcer (null only for an unrestricted tenant), the LogQL
/// enforcer (null when logs are separated by Loki org alone), the Loki org id and the request budget (null: unlimited).
/// </summary>
public sealed record TenantPolicy(string Name, LabelEnforcer? Metrics, LogQlEnforcer? Logs, string LokiOrgId, RequestBudget? Budget = null)
{
    /// <summary>True when no matchers are enforced (an operator tenant the config marked unrestricted).</summary>
    public bool Unrestricted => Metrics is null;

    /// <summary>Rewrites a PromQL query for this tenant.</summary>
    public string EnforceQuery(string query) => Metrics is null ? PromQlRewriter.Normalize(query) : PromQlRewriter.Enforce(query, Metrics);

    /// <summary>Rewrites match[] selectors; an unrestricted tenant's are only validated.</summary>
    public IReadOnlyList<string> EnforceMatch(IReadOnlyList<string> selectors)
    {
        if (Metrics is not null)
        {
            return Metrics.EnforceMatchSelectors(selectors);
        }

        foreach (var s in selectors)
        {
            _ = Parser.ParseSelector(s);
        }

        return selectors;
    }
}
