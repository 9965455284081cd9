using Safe6G.Deploy.Model;
using static Safe6G.Deploy.Mesh.MeshLabels;

namespace Safe6G.Deploy.Mesh;

/// <summary>
/// The seed's pre-set multi-domain rules (D3.2 §2.2) for one domain's cluster, as deny-only cluster-wide policies
/// (deny wins over any allow, and enableDefaultDeny=false leaves local traffic to the TFs' own policies):
/// no service-to-service traffic from other domains, except SAFE-6G services (OpenCAPIF, TFs, MLOps) to the
/// Meta-OS orchestration, TFs to the Metaverse manager and core APIs (NEF, NWDAF, CNC), a TF's components to each
/// other, and the DataOps hops (Thanos Query to sidecars/store, gateway to Loki, Grafana to Thanos Query).
/// </summary>
internal static class DefaultPolicies
{
    private static readonly string[] Safe6GServices = [Tf, Capif, Mlops];

    // Remote DataOps callers and the local roles each may reach.
    private static readonly (string Target, string[] Callers)[] PlatformHops =
    [
        (ThanosStoreApi, [ThanosQuery]),
        (Loki, [Gateway]),
        (ThanosQuery, [Grafana, Gateway]),
    ];

    private static readonly string[] PlatformCallers = [ThanosQuery, Gateway, Grafana];

    public static IReadOnlyList<CiliumPolicy> For(Continuum c, Domain d)
    {
        var policies = new List<CiliumPolicy>
        {
            Deny(
                "safe6g-deny-remote-by-default",
                "No service-to-service traffic from other domains, except from SAFE-6G services and DataOps roles (narrowed by the policies below).",
                new LabelSelector(),
                Remote(d, Expr(Role, "NotIn", [.. Safe6GServices, .. PlatformCallers]))),
            Deny(
                "safe6g-deny-remote-dataops-elsewhere",
                "DataOps roles from other domains reach only their own targets (sidecar/store, Loki, Thanos Query).",
                Selector(Expr(Role, "NotIn", PlatformHops.Select(h => h.Target).ToArray())),
                Remote(d, Expr(Role, "In", PlatformCallers))),
        };
        foreach (var (target, callers) in PlatformHops)
        {
            var others = PlatformCallers.Except(callers).ToArray();
            policies.Add(Deny(
                $"safe6g-deny-remote-dataops-to-{target}",
                $"Only {string.Join(" and ", callers)} from other domains reach {target}.",
                Selector(Expr(Role, "In", [target])),
                Remote(d, Expr(Role, "In", others))));
        }

        policies.Add(Deny(
            "safe6g-deny-remote-services-to-unrelated",
            "SAFE-6G services from other domains reach only the orchestration, the Metaverse manager, core APIs and their own TF.",
            Selector(Expr(Role, "NotIn", [Orchestration, MetaverseManager, CoreApi]), Expr(TrustFunction, "DoesNotExist", null)),
            Remote(d, Expr(Role, "In", Safe6GServices))));
        policies.Add(Deny(
            "safe6g-deny-remote-non-tf-to-core-apis",
            "The Metaverse manager and the core APIs (NEF, NWDAF, CNC) are reachable from other domains by TFs only.",
            Selector(Expr(Role, "In", [MetaverseManager, CoreApi])),
            Remote(d, Expr(Role, "In", [Capif, Mlops]))));
        foreach (var tf in c.Mesh.TrustFunctions)
        {
            policies.Add(Deny(
                $"safe6g-tf-{tf}-cross-domain",
                $"Components of trust function {tf} reach each other across domains; other SAFE-6G services do not.",
                new LabelSelector { MatchLabels = new(StringComparer.Ordinal) { [TrustFunction] = tf } },
                Remote(d, Expr(Role, "In", Safe6GServices), Expr(TrustFunction, "NotIn", [tf]))));
        }

        var undeclared = c.Mesh.TrustFunctions.Count == 0
            ? Selector(Expr(TrustFunction, "Exists", null))
            : Selector(Expr(TrustFunction, "Exists", null), Expr(TrustFunction, "NotIn", [.. c.Mesh.TrustFunctions]));
        policies.Add(Deny(
            "safe6g-deny-remote-to-undeclared-tfs",
            "Trust functions not declared in the continuum get no cross-domain access.",
            undeclared,
            Remote(d, Expr(Role, "In", Safe6GServices))));
        return policies;
    }

    private static CiliumPolicy Deny(string name, string description, LabelSelector endpoints, LabelSelector from) => new()
    {
        Metadata = new PolicyMetadata
        {
            Name = name,
            Labels = new(StringComparer.Ordinal) { ["app.kubernetes.io/part-of"] = "safe6g-mesh", ["app.kubernetes.io/managed-by"] = "safe6g-generate" },
        },
        Spec = new PolicySpec
        {
            Description = description,
            EndpointSelector = endpoints,
            EnableDefaultDeny = new DefaultDeny { Ingress = false, Egress = false },
            IngressDeny = [new PolicyRule { FromEndpoints = [from] }],
        },
    };

    /// <summary>Peers in any cluster but this domain's, with the extra requirements.</summary>
    /// <remarks>NotIn alone would also match identities without a cluster label (host, world, kube-apiserver),
    /// cutting kubelet probes off; Exists keeps the rule to endpoints of other clusters.</remarks>
    private static LabelSelector Remote(Domain d, params LabelRequirement[] more) =>
        Selector([Expr(Cluster, "Exists", null), Expr(Cluster, "NotIn", [d.Name]), .. more]);

    private static LabelSelector Selector(params LabelRequirement[] expressions) => new() { MatchExpressions = [.. expressions] };

    private static LabelRequirement Expr(string key, string op, string[]? values) => new() { Key = key, Operator = op, Values = values?.ToList() };
}
