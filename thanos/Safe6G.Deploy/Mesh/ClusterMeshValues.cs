using Safe6G.Deploy.Emit;
using Safe6G.Deploy.Model;

namespace Safe6G.Deploy.Mesh;

/// <summary>Cilium Helm values for one domain: cluster name/id, the pod CIDR pool, cluster mesh peers, Hubble metrics.</summary>
internal static class ClusterMeshValues
{
    public const int HubbleMetricsPort = 9965;

    public static YMap For(Continuum c, Domain d) => new()
    {
        ["cluster"] = new YMap { ["name"] = d.Name, ["id"] = d.ClusterId },
        ["ipam"] = new YMap
        {
            ["mode"] = "cluster-pool",
            ["operator"] = new YMap { ["clusterPoolIPv4PodCIDRList"] = new List<object> { d.PodCidr } },
        },
        ["clustermesh"] = new YMap
        {
            ["useAPIServer"] = true,

            // Selectors without a cluster label match only the local cluster (the default since Cilium 1.19, stated
            // so an older default cannot silently widen the TFs' own policies to remote clusters).
            ["policyDefaultLocalCluster"] = true,
            ["config"] = new YMap
            {
                ["enabled"] = true,
                ["clusters"] = c.Domains.Where(o => o.Name != d.Name).Select(o => (object)Peer(o)).ToList(),
            },
        },
        ["hubble"] = new YMap
        {
            ["enabled"] = true,
            ["relay"] = new YMap { ["enabled"] = true },
            ["metrics"] = new YMap
            {
                ["port"] = HubbleMetricsPort,
                ["enabled"] = new List<object>
                {
                    "dns", "drop", "tcp", "flow", "port-distribution", "icmp",
                    "httpV2:exemplars=true;labelsContext=source_ip,source_namespace,source_workload,destination_ip,destination_namespace,destination_workload,traffic_direction",
                    "policy:sourceContext=app|workload-name|pod|reserved-identity;destinationContext=app|workload-name|pod|dns|reserved-identity;labelsContext=source_namespace,destination_namespace",
                },
            },
        },
    };

    private static YMap Peer(Domain o)
    {
        var colon = o.MeshApiServer.LastIndexOf(':');
        var host = colon > 0 ? o.MeshApiServer[..colon] : o.MeshApiServer;
        var port = colon > 0 ? int.Parse(o.MeshApiServer[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 2379;
        return new YMap { ["name"] = o.Name, ["address"] = host, ["port"] = port };
    }
}
