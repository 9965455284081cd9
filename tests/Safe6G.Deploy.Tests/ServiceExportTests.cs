using Safe6G.Deploy.Mesh;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>ServiceExports for a TF component: one per service, the seed's manifest shape, and the labels the policies use.</summary>
public class ServiceExportTests
{
    [Fact]
    public void OneServiceExportPerServiceWithApiVersionKindAndMetadata()
    {
        var text = ServiceExports.Yaml("resilience", "tf-resilience", ["agent-api", "agent-metrics", "agent-api"]);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));

        Assert.Equal(2, stream.Documents.Count);
        var names = new List<string>();
        foreach (var doc in stream.Documents)
        {
            var m = (YamlMappingNode)doc.RootNode;
            Assert.Equal("multicluster.x-k8s.io/v1beta1", S(m, "apiVersion"));
            Assert.Equal("ServiceExport", S(m, "kind"));
            var meta = (YamlMappingNode)m.Children[new YamlScalarNode("metadata")];
            Assert.Equal("tf-resilience", S(meta, "namespace"));
            names.Add(S(meta, "name")!);
        }

        Assert.Equal(["agent-api", "agent-metrics"], names);
    }

    [Fact]
    public void TheTfLabelsAreTheOnesTheDefaultPoliciesLetThroughAcrossDomains()
    {
        var labels = ServiceExports.TrustFunctionLabels("resilience");
        var dir = TestPaths.NewTempDir();
        ContinuumGenerator.Generate(TestPaths.Example, dir);
        var policies = MeshPolicySet.Load(dir);
        var from = new MeshEndpoint(new Dictionary<string, string>(labels) { [MeshLabels.Cluster] = "upv", [MeshLabels.Namespace] = "tf-resilience" });
        var to = new MeshEndpoint(new Dictionary<string, string>(labels) { [MeshLabels.Cluster] = "ncsrd", [MeshLabels.Namespace] = "tf-resilience" });
        Assert.True(MeshChecker.Check(policies, from, to, 8080).Allowed);

        var stranger = new MeshEndpoint(new Dictionary<string, string> { [MeshLabels.Cluster] = "upv", [MeshLabels.Namespace] = "apps" });
        Assert.False(MeshChecker.Check(policies, stranger, to, 8080).Allowed);
    }

    [Fact]
    public void AComponentWithoutServicesIsRejected() =>
        Assert.Throws<ArgumentException>(() => ServiceExports.Yaml("resilience", "tf", []));

    private static string? S(YamlMappingNode m, string key) => ((YamlScalarNode)m.Children[new YamlScalarNode(key)]).Value;
}
