namespace Safe6G.Deploy.Mesh;

/// <summary>Label keys and roles the default policies select on; the orchestrator puts them on the workloads it deploys.</summary>
public static class MeshLabels
{
    public const string Role = "safe6g.io/role";
    public const string TrustFunction = "safe6g.io/trust-function";
    public const string Cluster = "io.cilium.k8s.policy.cluster";
    public const string Namespace = "io.kubernetes.pod.namespace";

    /// <summary>Meta-OS orchestration (HLO/LLO APIs).</summary>
    public const string Orchestration = "orchestration";

    /// <summary>A trust-function component (agent, vApp, nApp); also carries <see cref="TrustFunction"/>.</summary>
    public const string Tf = "tf";

    public const string Capif = "capif";
    public const string Mlops = "mlops";
    public const string MetaverseManager = "metaverse-manager";

    /// <summary>Network core APIs: NEF, NWDAF, CNC.</summary>
    public const string CoreApi = "core-api";

    public const string ThanosQuery = "thanos-query";
    public const string ThanosStoreApi = "thanos-store-api";
    public const string Gateway = "gateway";
    public const string Loki = "loki";
    public const string Grafana = "grafana";
}
