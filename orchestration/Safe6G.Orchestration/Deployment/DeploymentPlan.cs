namespace Safe6G.Orchestration.Deployment;

/// <summary>
/// What the LLO would apply for one component on its IE: Kubernetes manifests (container components) or a Helm
/// release plan (Helm components), plus ServiceExports for trust-function components. YAML, multi-document.
/// </summary>
public sealed record DeploymentPlan(string Kind, string Ie, string Node, string Namespace, string Yaml)
{
    public const string KubernetesManifest = "kubernetes-manifest";
    public const string HelmRelease = "helm-release";
}
