using Safe6G.Deploy.Emit;

namespace Safe6G.Deploy.Mesh;

/// <summary>
/// What the orchestrator adds for a trust-function component (seed §2.2): one ServiceExport
/// (multicluster.x-k8s.io/v1beta1) per Kubernetes Service of the component, and the pod labels the default
/// mesh policies select on.
/// </summary>
public static class ServiceExports
{
    public const string ApiVersion = "multicluster.x-k8s.io/v1beta1";

    /// <summary>Labels for the pods of a TF component, merged into the workload's own labels.</summary>
    public static IReadOnlyDictionary<string, string> TrustFunctionLabels(string trustFunction) =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [MeshLabels.Role] = MeshLabels.Tf,
            [MeshLabels.TrustFunction] = trustFunction,
        };

    /// <summary>One ServiceExport document per service name (a Helm component may declare several), in name order.</summary>
    public static string Yaml(string trustFunction, string @namespace, IEnumerable<string> serviceNames)
    {
        var docs = serviceNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name => YamlText.Write(new YMap
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "ServiceExport",
            ["metadata"] = new YMap
            {
                ["name"] = name,
                ["namespace"] = @namespace,
                ["labels"] = new YMap
                {
                    [MeshLabels.Role] = MeshLabels.Tf,
                    [MeshLabels.TrustFunction] = trustFunction,
                },
            },
        })).ToList();
        if (docs.Count == 0)
        {
            throw new ArgumentException("a component needs at least one service to export", nameof(serviceNames));
        }

        return string.Join("---\n", docs);
    }
}
