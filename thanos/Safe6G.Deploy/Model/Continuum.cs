namespace Safe6G.Deploy.Model;

/// <summary>The whole continuum: domains, the central Thanos, the gateway.</summary>
public sealed record Continuum(
    string Name,
    string File,
    ScrapeDefaults Defaults,
    IReadOnlyList<Domain> Domains,
    ThanosSpec Thanos,
    GatewaySpec Gateway,
    MeshSpec Mesh)
{
    /// <summary>The single domain hosting the Meta-OS entrypoint (gateway, orchestrator).</summary>
    public Domain Entrypoint => Domains.Single(d => d.Entrypoint);

    /// <summary>The domain hosting Thanos Query, Store Gateway and Compactor.</summary>
    public Domain ThanosDomain => Domains.Single(d => d.Name == Thanos.Domain);
}

/// <summary>Continuum-wide scrape and evaluation intervals, overridable per domain and exporter.</summary>
public sealed record ScrapeDefaults(string ScrapeInterval, string ScrapeTimeout, string EvaluationInterval);

/// <summary>Multi-domain service mesh: the trust functions whose components may reach each other across domains.</summary>
public sealed record MeshSpec(IReadOnlyList<string> TrustFunctions);
