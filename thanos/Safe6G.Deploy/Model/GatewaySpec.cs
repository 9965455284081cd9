namespace Safe6G.Deploy.Model;

/// <summary>The DataOps gateway (/thanos, /loki) with JWK validation, as the seed's KrakenD endpoint does.</summary>
public sealed record GatewaySpec(string JwkFile, string Algorithm, string Issuer, IReadOnlyList<TenantSpec> Tenants);

/// <summary>Who may query what: a JWT subject, the domains its queries are confined to, and the routes it may use.</summary>
public sealed record TenantSpec(string Name, string Subject, IReadOnlyList<string> Domains, IReadOnlyList<string> Routes, SourceLocation At);
