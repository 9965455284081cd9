namespace Safe6G.Gateway.PromQl;

/// <summary>
/// The entry points a gateway (or a benchmark) needs: parse, print and tenant rewrite of one query.
/// </summary>
public static class PromQlRewriter
{
    /// <summary>Parses and re-prints a query (normalised, Prometheus String() style).</summary>
    public static string Normalize(string query) => Printer.Print(Parser.Parse(query));

    /// <summary>Rewrites a query so every selector carries the tenant's matchers.</summary>
    public static string Enforce(string query, LabelEnforcer tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.EnforceQuery(query);
    }
}
