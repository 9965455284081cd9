namespace Safe6G.Deploy.Mesh;

/// <summary>Allowed or denied, with the policy and rule that decided it (or the default that applied).</summary>
public sealed record MeshVerdict(bool Allowed, string Reason)
{
    public override string ToString() => (Allowed ? "allowed: " : "denied: ") + Reason;
}

/// <summary>A policy and the domain (cluster) whose API server holds it; null domain means every domain.</summary>
public sealed record LoadedPolicy(CiliumPolicy Policy, string? Domain, string Source);
