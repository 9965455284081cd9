using System.Net;
using Safe6G.Deploy.Mesh;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Safe6G.Deploy.Tests;

/// <summary>
/// Issue 12: the cluster-mesh values and the ServiceExports parse strictly into typed models of the fields we emit
/// (an unknown or misspelt key is an error, not ignored), as the Cilium policies already do in <see cref="MeshTests"/>.
/// </summary>
public sealed class TypedManifestTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    // No IgnoreUnmatchedProperties: a key the model does not know throws.
    private static readonly IDeserializer Strict = new DeserializerBuilder().Build();

    [Fact]
    public void Cluster_mesh_values_of_every_domain_parse_strictly_and_wire_the_domains_to_each_other()
    {
        var files = example.Matching("/mesh/cilium-values.yaml").ToList();
        Assert.Equal(2, files.Count);
        var values = files.Select(f => Strict.Deserialize<CiliumValues>(File.ReadAllText(f))).ToList();

        var names = values.Select(v => v.Cluster.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ncsrd", "upv"], names);
        Assert.Equal(values.Count, values.Select(v => v.Cluster.Id).Distinct().Count());
        Assert.All(values, v => Assert.InRange(v.Cluster.Id, 1, 255)); // Cilium cluster ids are 1..255
        var cidrs = values.Select(v => Assert.Single(v.Ipam.Operator.ClusterPoolIPv4PodCIDRList)).ToList();
        Assert.False(Overlap(cidrs[0], cidrs[1]), $"{cidrs[0]} overlaps {cidrs[1]}");
        foreach (var v in values)
        {
            Assert.Equal("cluster-pool", v.Ipam.Mode);
            Assert.True(v.Clustermesh.UseAPIServer);
            Assert.True(v.Clustermesh.PolicyDefaultLocalCluster);
            Assert.True(v.Clustermesh.Config.Enabled);
            // Every other domain is a peer, reachable at a named address and the clustermesh-apiserver port.
            Assert.Equal(names.Where(n => n != v.Cluster.Name), v.Clustermesh.Config.Clusters.Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.All(v.Clustermesh.Config.Clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.Address)));
            Assert.All(v.Clustermesh.Config.Clusters, c => Assert.Equal(2379, c.Port));
            Assert.True(v.Hubble.Enabled && v.Hubble.Relay.Enabled);
            Assert.Contains(v.Hubble.Metrics.Enabled, m => m.StartsWith("policy:", StringComparison.Ordinal));
            Assert.InRange(v.Hubble.Metrics.Port, 1, 65535);
        }
    }

    [Fact]
    public void Service_exports_parse_strictly_with_the_labels_the_policies_select_on()
    {
        var docs = ServiceExports.Yaml("resilience", "tf-resilience", ["agent-api", "agent-metrics"]).Split("---\n");
        var exports = docs.Select(d => Strict.Deserialize<ServiceExport>(d)).ToList();
        Assert.Equal(["agent-api", "agent-metrics"], exports.Select(e => e.Metadata.Name));
        Assert.All(exports, e =>
        {
            Assert.Equal("multicluster.x-k8s.io/v1beta1", e.ApiVersion);
            Assert.Equal("ServiceExport", e.Kind);
            Assert.Equal("tf-resilience", e.Metadata.Namespace);
            Assert.Equal(ServiceExports.TrustFunctionLabels("resilience"), e.Metadata.Labels);
        });
    }

    [Fact]
    public void The_strict_models_refuse_a_key_they_do_not_know()
    {
        var text = File.ReadAllText(example.Matching("/mesh/cilium-values.yaml").First()).Replace("useAPIServer:", "useApiServer:", StringComparison.Ordinal);
        Assert.ThrowsAny<YamlException>(() => Strict.Deserialize<CiliumValues>(text));
    }

    private static bool Overlap(string a, string b)
    {
        var (na, la) = Parse(a);
        var (nb, lb) = Parse(b);
        var prefix = Math.Min(la, lb);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (na & mask) == (nb & mask);

        static (uint Net, int Length) Parse(string cidr)
        {
            var parts = cidr.Split('/');
            var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
            return (((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The Cilium Helm values we emit per domain.</summary>
    public sealed class CiliumValues
    {
        [YamlMember(Alias = "cluster")] public ClusterValues Cluster { get; set; } = new();
        [YamlMember(Alias = "ipam")] public IpamValues Ipam { get; set; } = new();
        [YamlMember(Alias = "clustermesh")] public ClusterMeshValues Clustermesh { get; set; } = new();
        [YamlMember(Alias = "hubble")] public HubbleValues Hubble { get; set; } = new();
    }

    /// <summary>cluster.name and cluster.id.</summary>
    public sealed class ClusterValues
    {
        [YamlMember(Alias = "name")] public string Name { get; set; } = "";
        [YamlMember(Alias = "id")] public int Id { get; set; }
    }

    /// <summary>ipam.mode and the cluster-pool CIDRs.</summary>
    public sealed class IpamValues
    {
        [YamlMember(Alias = "mode")] public string Mode { get; set; } = "";
        [YamlMember(Alias = "operator")] public IpamOperator Operator { get; set; } = new();
    }

    /// <summary>ipam.operator.</summary>
    public sealed class IpamOperator
    {
        [YamlMember(Alias = "clusterPoolIPv4PodCIDRList")] public List<string> ClusterPoolIPv4PodCIDRList { get; set; } = [];
    }

    /// <summary>clustermesh.</summary>
    public sealed class ClusterMeshValues
    {
        [YamlMember(Alias = "useAPIServer")] public bool UseAPIServer { get; set; }
        [YamlMember(Alias = "policyDefaultLocalCluster")] public bool PolicyDefaultLocalCluster { get; set; }
        [YamlMember(Alias = "config")] public ClusterMeshConfig Config { get; set; } = new();
    }

    /// <summary>clustermesh.config.</summary>
    public sealed class ClusterMeshConfig
    {
        [YamlMember(Alias = "enabled")] public bool Enabled { get; set; }
        [YamlMember(Alias = "clusters")] public List<PeerCluster> Clusters { get; set; } = [];
    }

    /// <summary>One peer of the mesh.</summary>
    public sealed class PeerCluster
    {
        [YamlMember(Alias = "name")] public string Name { get; set; } = "";
        [YamlMember(Alias = "address")] public string Address { get; set; } = "";
        [YamlMember(Alias = "port")] public int Port { get; set; }
    }

    /// <summary>hubble.</summary>
    public sealed class HubbleValues
    {
        [YamlMember(Alias = "enabled")] public bool Enabled { get; set; }
        [YamlMember(Alias = "relay")] public Toggle Relay { get; set; } = new();
        [YamlMember(Alias = "metrics")] public HubbleMetrics Metrics { get; set; } = new();
    }

    /// <summary>An enabled switch.</summary>
    public sealed class Toggle
    {
        [YamlMember(Alias = "enabled")] public bool Enabled { get; set; }
    }

    /// <summary>hubble.metrics.</summary>
    public sealed class HubbleMetrics
    {
        [YamlMember(Alias = "port")] public int Port { get; set; }
        [YamlMember(Alias = "enabled")] public List<string> Enabled { get; set; } = [];
    }

    /// <summary>A multicluster.x-k8s.io ServiceExport as we emit it.</summary>
    public sealed class ServiceExport
    {
        [YamlMember(Alias = "apiVersion")] public string ApiVersion { get; set; } = "";
        [YamlMember(Alias = "kind")] public string Kind { get; set; } = "";
        [YamlMember(Alias = "metadata")] public ObjectMeta Metadata { get; set; } = new();
    }

    /// <summary>metadata.</summary>
    public sealed class ObjectMeta
    {
        [YamlMember(Alias = "name")] public string Name { get; set; } = "";
        [YamlMember(Alias = "namespace")] public string Namespace { get; set; } = "";
        [YamlMember(Alias = "labels")] public Dictionary<string, string> Labels { get; set; } = [];
    }
}
