using Safe6G.Deploy.Mesh;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Tosca;
using YamlDotNet.Serialization;

namespace Safe6G.Orchestration.Deployment;

/// <summary>
/// Builds the deployment plan of a placed component. The pod is pinned to the IE by its hostname. A
/// trust-function component (Service.belongsToTrustFunction) gets the TF labels the default mesh policies
/// select on and one ServiceExport per Kubernetes Service, from Safe6G.Deploy's <see cref="ServiceExports"/> (issue 12).
/// Credentials of private images/charts are never written: the plan names a pull secret the LLO owns.
/// </summary>
public static class DeploymentPlanner
{
    private const string Hostname = "kubernetes.io/hostname";

    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().Build();

    public static DeploymentPlan Plan(string serviceId, ServiceDescriptor service, ComponentSpec component, IeState ie, string @namespace)
    {
        var name = KubernetesNames.Label($"{serviceId}-{component.Name}");
        var node = ie.Hostname.Length > 0 ? ie.Hostname : ie.Id;
        var tf = service.BelongsToTrustFunction ? KubernetesNames.Label(serviceId) : null;
        var labels = new Dictionary<string, object?>
        {
            ["app.kubernetes.io/name"] = KubernetesNames.Label(component.Name),
            ["app.kubernetes.io/instance"] = KubernetesNames.Label(serviceId),
            ["app.kubernetes.io/managed-by"] = "safe6g-orchestrator",
        };
        if (tf is not null)
            foreach (var (k, v) in ServiceExports.TrustFunctionLabels(tf))
                labels[k] = v;

        var docs = new List<string>();
        string kind;
        IEnumerable<string> services;
        if (component.Helm is { } chart)
        {
            kind = DeploymentPlan.HelmRelease;
            docs.Add(Yaml.Serialize(HelmRelease(name, @namespace, chart, labels, node, ie)));
            services = chart.Services;
        }
        else
        {
            kind = DeploymentPlan.KubernetesManifest;
            docs.Add(Yaml.Serialize(Workload(name, @namespace, component, labels, node)));
            if (component.Ports.Count > 0)
                docs.Add(Yaml.Serialize(Service(name, @namespace, component, labels)));
            services = component.Ports.Count > 0 ? [name] : [];
        }
        if (tf is not null && services.Any())
            docs.Add(ServiceExports.Yaml(tf, @namespace, services));
        return new DeploymentPlan(kind, ie.Id, node, @namespace, string.Join("---\n", docs));
    }

    private static Dictionary<string, object?> Metadata(string name, string ns, Dictionary<string, object?> labels) => new()
    {
        ["name"] = name,
        ["namespace"] = ns,
        ["labels"] = labels,
    };

    private static Dictionary<string, object?> Workload(string name, string ns, ComponentSpec c, Dictionary<string, object?> labels, string node)
    {
        var container = new Dictionary<string, object?>
        {
            ["name"] = KubernetesNames.Label(c.Name),
            ["image"] = c.Image!.Reference,
        };
        if (c.CliArgs.Count > 0)
            container["args"] = c.CliArgs.SelectMany(a => a.Value.Length == 0 ? new[] { a.Key } : [a.Key, a.Value]).ToList();
        if (c.EnvVars.Count > 0)
            container["env"] = c.EnvVars.Select(e => new Dictionary<string, object?> { ["name"] = e.Key, ["value"] = e.Value }).ToList();
        if (c.Ports.Count > 0)
            container["ports"] = c.Ports.Select(p => new Dictionary<string, object?> { ["name"] = KubernetesNames.Label(p.Name), ["containerPort"] = p.Number, ["protocol"] = p.Protocol }).ToList();
        var podSpec = new Dictionary<string, object?>
        {
            ["nodeSelector"] = new Dictionary<string, object?> { [Hostname] = node },
            ["containers"] = new List<object?> { container },
        };
        if (c.Image.IsPrivate)
            podSpec["imagePullSecrets"] = new List<object?> { new Dictionary<string, object?> { ["name"] = $"{name}-registry" } };
        if (c.IsJob)
            podSpec["restartPolicy"] = "OnFailure";
        var template = new Dictionary<string, object?>
        {
            ["metadata"] = new Dictionary<string, object?> { ["labels"] = labels },
            ["spec"] = podSpec,
        };
        var selector = new Dictionary<string, object?> { ["matchLabels"] = new Dictionary<string, object?>
        {
            ["app.kubernetes.io/name"] = labels["app.kubernetes.io/name"],
            ["app.kubernetes.io/instance"] = labels["app.kubernetes.io/instance"],
        } };
        var spec = c.IsJob
            ? new Dictionary<string, object?> { ["template"] = template }
            : new Dictionary<string, object?> { ["replicas"] = 1, ["selector"] = selector, ["template"] = template };
        return new Dictionary<string, object?>
        {
            ["apiVersion"] = c.IsJob ? "batch/v1" : "apps/v1",
            ["kind"] = c.IsJob ? "Job" : "Deployment",
            ["metadata"] = Metadata(name, ns, labels),
            ["spec"] = spec,
        };
    }

    private static Dictionary<string, object?> Service(string name, string ns, ComponentSpec c, Dictionary<string, object?> labels) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(name, ns, labels),
        ["spec"] = new Dictionary<string, object?>
        {
            ["type"] = c.ExposePorts ? "NodePort" : "ClusterIP",
            ["selector"] = new Dictionary<string, object?>
            {
                ["app.kubernetes.io/name"] = labels["app.kubernetes.io/name"],
                ["app.kubernetes.io/instance"] = labels["app.kubernetes.io/instance"],
            },
            ["ports"] = c.Ports.Select(p => new Dictionary<string, object?>
            {
                ["name"] = KubernetesNames.Label(p.Name),
                ["port"] = p.Number,
                ["targetPort"] = p.Number,
                ["protocol"] = p.Protocol,
            }).ToList(),
        },
    };

    private static Dictionary<string, object?> HelmRelease(string name, string ns, HelmChart chart, Dictionary<string, object?> labels, string node, IeState ie)
    {
        var values = chart.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // Common chart conventions: nodeSelector and podLabels at the top level of values.
        values["nodeSelector"] = new Dictionary<string, object?> { [Hostname] = node };
        values["podLabels"] = labels;
        var release = new Dictionary<string, object?>
        {
            ["kind"] = "HelmReleasePlan",
            ["release"] = name,
            ["namespace"] = ns,
            ["targetInfrastructureElement"] = ie.Urn,
            ["chart"] = new Dictionary<string, object?>
            {
                ["name"] = chart.Chart,
                ["repository"] = chart.Repository,
                ["version"] = chart.Version,
            },
        };
        if (chart.IsPrivate)
            release["repositoryCredentials"] = new Dictionary<string, object?> { ["secretName"] = $"{name}-helm-repository" };
        release["labels"] = labels;
        release["values"] = values;
        return release;
    }
}
