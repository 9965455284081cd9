namespace Safe6G.Deploy.Model;

/// <summary>The DataOps gateway (/thanos, /loki) with JWK validation, as the seed's KrakenD endpoint does.</summary>
public sealed record GatewaySpec(string JwkFile, string Algorithm, string Issuer, IReadOnlyList<TenantSpec> Tenants);

/// <summary>Who may query what: a JWT subject, the domains its queries are confined to, the routes it may use and its request budget.</summary>
public sealed record TenantSpec(string Name, string Subject, IReadOnlyList<string> Domains, IReadOnlyList<string> Routes, SourceLocation At)
{
    /// <summary>Sustained requests per second through the gateway; null is unlimited.</summary>
    public int? RequestsPerSecond { get; init; }

    /// <summary>Requests at once after a quiet spell; null leaves the gateway's default (twice the rate).</summary>
    public int? Burst { get; init; }
}
