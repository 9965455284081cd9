using Safe6G.Deploy.Mesh;
using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>Issue 12: the emitted mesh manifests parse into typed models, and the default policies behave as the seed asks.</summary>
public class MeshTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    private static readonly string ChatbotSpec = Path.Combine(TestPaths.RepoRoot, "thanos", "examples", "chatbot-policy.yaml");

    [Fact]
    public void EveryEmittedPolicyParsesStrictlyWithApiVersionKindAndMetadata()
    {
        var files = example.Result.Files.Where(f => f.Contains("/mesh/policies/", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, files.Count);
        foreach (var f in files)
        {
            var policy = Assert.Single(PolicyYaml.ReadAll(File.ReadAllText(example.PathOf(f))));
            Assert.Equal("cilium.io/v2", policy.ApiVersion);
            Assert.Equal("CiliumClusterwideNetworkPolicy", policy.Kind);
            Assert.Equal(Path.GetFileNameWithoutExtension(f), policy.Metadata.Name);
            Assert.Null(policy.Metadata.Namespace);
            Assert.False(string.IsNullOrEmpty(policy.Spec.Description));
            Assert.NotNull(policy.Spec.IngressDeny);
            Assert.False(policy.Spec.EnableDefaultDeny!.Ingress);

            // Every remote-peer selector names the cluster with Exists, so host/world identities are never caught.
            foreach (var peer in policy.Spec.IngressDeny!.SelectMany(r => r.FromEndpoints!))
            {
                Assert.Contains(peer.MatchExpressions!, e => e.Key == MeshLabels.Cluster && e.Operator == "Exists");
            }
        }
    }

    [Fact]
    public void StrictParsingRejectsUnknownFields()
    {
        var text = File.ReadAllText(example.PathOf("domains/upv/mesh/policies/safe6g-deny-remote-by-default.yaml"));
        Assert.Throws<YamlDotNet.Core.YamlException>(() => PolicyYaml.ReadAll(text.Replace("endpointSelector:", "endpointSelectr:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("upv", 1, "10.1.0.0/16", "ncsrd")]
    [InlineData("ncsrd", 2, "10.2.0.0/16", "upv")]
    public void ClusterMeshValuesCarryNameIdCidrPeersAndHubbleMetrics(string domain, int id, string cidr, string peer)
    {
        var values = Root(example.PathOf($"domains/{domain}/mesh/cilium-values.yaml"));
        Assert.Equal(domain, Get(values, "cluster", "name"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), Get(values, "cluster", "id"));
        var pool = (YamlSequenceNode)Node(values, "ipam", "operator", "clusterPoolIPv4PodCIDRList");
        Assert.Equal(cidr, ((YamlScalarNode)Assert.Single(pool.Children)).Value);
        var clusters = (YamlSequenceNode)Node(values, "clustermesh", "config", "clusters");
        Assert.Equal(peer, Get((YamlMappingNode)Assert.Single(clusters.Children), "name"));
        Assert.Equal("true", Get(values, "clustermesh", "policyDefaultLocalCluster"));
        Assert.Equal("true", Get(values, "hubble", "enabled"));
        var port = Get(values, "hubble", "metrics", "port");

        // The Hubble scrape job targets the same port on every IE.
        var prom = File.ReadAllText(example.PathOf($"domains/{domain}/prometheus/prometheus-0.yml"));
        Assert.Contains("- job_name: hubble", prom, StringComparison.Ordinal);
        Assert.Contains($":{port}\n", prom, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleLabelsThePoliciesSelectOnArePutOnOurWorkloads()
    {
        Assert.Contains("safe6g.io/role: gateway", File.ReadAllText(Path.Combine(TestPaths.Charts, "safe6g-gateway", "templates", "_helpers.tpl")), StringComparison.Ordinal);
        Assert.Contains("safe6g.io/role: orchestration", File.ReadAllText(Path.Combine(TestPaths.Charts, "safe6g-orchestrator", "templates", "_helpers.tpl")), StringComparison.Ordinal);
        Assert.Contains("include \"safe6g-gateway.labels\" . | nindent 8", File.ReadAllText(Path.Combine(TestPaths.Charts, "safe6g-gateway", "templates", "deployment.yaml")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int, bool> TruthTable => new()
    {
        { "TF agent in upv reaches its own vApp in ncsrd", Agent("upv", "resilience"), VApp("ncsrd", "resilience"), 8080, true },
        { "TF agent reaches another TF's vApp across domains", Agent("upv", "resilience"), VApp("ncsrd", "privacy"), 8080, false },
        { "undeclared TF gets no cross-domain access", Agent("upv", "rogue"), VApp("ncsrd", "rogue"), 8080, false },
        { "unrelated service crosses domains", "cluster=upv,ns=apps,app.kubernetes.io/name=shop", "cluster=ncsrd,ns=apps,app.kubernetes.io/name=db", 5432, false },
        { "unrelated service stays in its domain", "cluster=ncsrd,ns=apps,app.kubernetes.io/name=shop", "cluster=ncsrd,ns=apps,app.kubernetes.io/name=db", 5432, true },
        { "Prometheus scrapes an exporter", Prometheus("ncsrd"), "cluster=ncsrd,ns=monitoring,app.kubernetes.io/name=safe6g-exporter-gnb", 9413, true },
        { "TF calls the HLO API in another domain", Agent("ncsrd", "resilience"), Hlo("upv"), 8000, true },
        { "OpenCAPIF calls the HLO API in another domain", "cluster=ncsrd,ns=capif,app.kubernetes.io/name=capif,safe6g.io/role=capif", Hlo("upv"), 8000, true },
        { "MLOps calls the HLO API in another domain", "cluster=ncsrd,ns=mlops,app.kubernetes.io/name=pipeline,safe6g.io/role=mlops", Hlo("upv"), 8000, true },
        { "TF calls the core NEF in another domain", Agent("upv", "resilience"), "cluster=ncsrd,ns=core,app.kubernetes.io/name=nef,safe6g.io/role=core-api", 443, true },
        { "MLOps calls the core NEF in another domain", "cluster=upv,ns=mlops,app.kubernetes.io/name=pipeline,safe6g.io/role=mlops", "cluster=ncsrd,ns=core,app.kubernetes.io/name=nef,safe6g.io/role=core-api", 443, false },
        { "TF calls the Metaverse manager in another domain", Agent("ncsrd", "privacy"), "cluster=upv,ns=metaverse,app.kubernetes.io/name=metaverse-manager,safe6g.io/role=metaverse-manager", 443, true },
        { "TF calls an unrelated service in another domain", Agent("upv", "resilience"), "cluster=ncsrd,ns=apps,app.kubernetes.io/name=db", 5432, false },
        { "Thanos Query reaches a remote sidecar", "cluster=upv,ns=monitoring,app.kubernetes.io/name=thanos-query,safe6g.io/role=thanos-query", "cluster=ncsrd,ns=monitoring,app.kubernetes.io/name=prometheus,safe6g.io/role=thanos-store-api", 10901, true },
        { "Thanos Query reaches an unrelated remote service", "cluster=upv,ns=monitoring,app.kubernetes.io/name=thanos-query,safe6g.io/role=thanos-query", "cluster=ncsrd,ns=apps,app.kubernetes.io/name=db", 5432, false },
        { "the gateway reaches a remote Loki", "cluster=upv,ns=safe6g,app.kubernetes.io/name=safe6g-gateway,safe6g.io/role=gateway", "cluster=ncsrd,ns=monitoring,app.kubernetes.io/name=loki,safe6g.io/role=loki", 3100, true },
        { "the gateway reaches a remote sidecar", "cluster=upv,ns=safe6g,app.kubernetes.io/name=safe6g-gateway,safe6g.io/role=gateway", "cluster=ncsrd,ns=monitoring,app.kubernetes.io/name=prometheus,safe6g.io/role=thanos-store-api", 10901, false },
        { "a remote Grafana reaches Thanos Query", "cluster=ncsrd,ns=monitoring,app.kubernetes.io/name=grafana,safe6g.io/role=grafana", "cluster=upv,ns=monitoring,app.kubernetes.io/name=thanos-query,safe6g.io/role=thanos-query", 10902, true },
        { "a kubelet probe (no cluster label) reaches a pod", "cluster=ncsrd,ns=host,reserved:host=", "cluster=ncsrd,ns=apps,app.kubernetes.io/name=db", 5432, true },
        { "Chatbot: Metaverse manager on 443", "cluster=upv,ns=metaverse,app.kubernetes.io/name=metaverse-manager,safe6g.io/role=metaverse-manager", Chatbot, 443, true },
        { "Chatbot: CoCo API on 443", "cluster=upv,ns=default,app.kubernetes.io/name=coco-api", Chatbot, 443, true },
        { "Chatbot: Prometheus on 9090", Prometheus("upv"), Chatbot, 9090, true },
        { "Chatbot: Prometheus on 443", Prometheus("upv"), Chatbot, 443, false },
        { "Chatbot: Metaverse manager on 80", "cluster=upv,ns=metaverse,app.kubernetes.io/name=metaverse-manager", Chatbot, 80, false },
        { "Chatbot: CoCo API from the wrong namespace", "cluster=upv,ns=apps,app.kubernetes.io/name=coco-api", Chatbot, 443, false },
        { "Chatbot: an unrelated pod", "cluster=upv,ns=apps,app.kubernetes.io/name=shop", Chatbot, 443, false },
        { "Chatbot: Metaverse manager from another domain", "cluster=ncsrd,ns=metaverse,app.kubernetes.io/name=metaverse-manager", Chatbot, 443, false },
    };

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void DefaultPoliciesAndTheChatbotExampleGiveTheExpectedVerdicts(string why, string from, string to, int port, bool allowed)
    {
        var dir = TestPaths.NewTempDir();
        ContinuumGenerator.Generate(TestPaths.Example, dir);
        MeshPolicyGenerator.Generate(ChatbotSpec, Path.Combine(dir, "extra"));
        var policies = MeshPolicySet.Load(dir);
        Assert.Equal(21, policies.Count);

        var verdict = MeshChecker.Check(policies, MeshEndpoint.Parse(from), MeshEndpoint.Parse(to), port);

        Assert.True(verdict.Allowed == allowed, $"{why}: {verdict}");
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void WithoutPoliciesEverythingIsAllowedSoTheVerdictsAboveComeFromThePolicies()
    {
        var verdict = MeshChecker.Check([], MeshEndpoint.Parse("cluster=upv,ns=apps,app=a"), MeshEndpoint.Parse("cluster=ncsrd,ns=apps,app=b"), 80);
        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void ChatbotSpecBuildsTheSeedsPolicy()
    {
        var dir = TestPaths.NewTempDir();
        var policy = MeshPolicyGenerator.Generate(ChatbotSpec, dir);
        var parsed = Assert.Single(PolicyYaml.ReadAll(File.ReadAllText(Path.Combine(dir, "chatbot-api-ingress-allow-metaverse-manager.yaml"))));
        Assert.Equal("CiliumClusterwideNetworkPolicy", parsed.Kind);
        Assert.Equal("chatbot-api", parsed.Spec.EndpointSelector.MatchLabels!["app.kubernetes.io/name"]);
        Assert.Equal(3, parsed.Spec.Ingress!.Count);
        Assert.Equal("metaverse", parsed.Spec.Ingress[0].FromEndpoints![0].MatchLabels![MeshLabels.Namespace]);
        Assert.Equal("443", parsed.Spec.Ingress[0].ToPorts![0].Ports[0].Port);
        Assert.Equal("TCP", parsed.Spec.Ingress[0].ToPorts![0].Ports[0].Protocol);
        Assert.Equal("9090", parsed.Spec.Ingress[2].ToPorts![0].Ports[0].Port);
        Assert.Null(parsed.Spec.IngressDeny);
        Assert.Equal(policy.Metadata.Name, parsed.Metadata.Name);
    }

    [Fact]
    public void ANamespacedSpecOnlyRestrictsItsNamespaceAndItsPeersDefaultToIt()
    {
        var spec = TestPaths.WriteContinuum("name: db-ingress\nnamespace: apps\nselector:\n  app: db\ningress:\n  - from:\n      app: shop\n    ports: [5432]\n");
        var dir = TestPaths.NewTempDir();
        var policy = MeshPolicyGenerator.Generate(spec, dir);
        Assert.Equal("CiliumNetworkPolicy", policy.Kind);
        var set = MeshPolicySet.Load(dir);
        Assert.True(MeshChecker.Check(set, MeshEndpoint.Parse("cluster=a,ns=apps,app=shop"), MeshEndpoint.Parse("cluster=a,ns=apps,app=db"), 5432).Allowed);
        Assert.False(MeshChecker.Check(set, MeshEndpoint.Parse("cluster=a,ns=other,app=shop"), MeshEndpoint.Parse("cluster=a,ns=apps,app=db"), 5432).Allowed);
        Assert.True(MeshChecker.Check(set, MeshEndpoint.Parse("cluster=a,ns=other,app=shop"), MeshEndpoint.Parse("cluster=a,ns=other,app=db"), 5432).Allowed);
    }

    [Theory]
    [InlineData("name: x\nselector:\n  app: a\ningress:\n  - from:\n      app: b\n    ports: [http]\n", 7, "ingress[0].ports", "is not PORT")]
    [InlineData("name: x\nselector:\n  app: a\ningress:\n  - form:\n      app: b\n", 5, "ingress[0].form", "unknown field 'form'")]
    [InlineData("name: x\nselector: {}\ningress: []\n", 2, "selector", "at least one label")]
    [InlineData("name: x\nselector:\n  app: a\n", 1, "ingress", "at least one of ingress or egress")]
    public void BadPolicySpecsNameFileLineAndField(string yaml, int line, string field, string fragment)
    {
        var spec = TestPaths.WriteContinuum(yaml);
        var e = Assert.Throws<ContinuumConfigException>(() => MeshPolicyGenerator.Build(spec));
        Assert.True(e.Line == line && e.Field == field, e.Message);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(spec, e.Message, StringComparison.Ordinal);
    }

    private static string Chatbot => "cluster=upv,ns=chat,app.kubernetes.io/name=chatbot-api";

    private static string Agent(string cluster, string tf) => $"cluster={cluster},ns=tf-{tf},app.kubernetes.io/name={tf}-agent,safe6g.io/role=tf,safe6g.io/trust-function={tf}";

    private static string VApp(string cluster, string tf) => $"cluster={cluster},ns=tf-{tf},app.kubernetes.io/name={tf}-vapp,safe6g.io/role=tf,safe6g.io/trust-function={tf}";

    private static string Hlo(string cluster) => $"cluster={cluster},ns=aeros,app.kubernetes.io/name=hlo-fe,safe6g.io/role=orchestration";

    private static string Prometheus(string cluster) => $"cluster={cluster},ns=monitoring,app.kubernetes.io/name=prometheus";

    private static YamlMappingNode Root(string file)
    {
        var s = new YamlStream();
        s.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)s.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlMappingNode m, params string[] path)
    {
        YamlNode n = m;
        foreach (var p in path)
        {
            n = ((YamlMappingNode)n).Children[new YamlScalarNode(p)];
        }

        return n;
    }

    private static string? Get(YamlMappingNode m, params string[] path) => ((YamlScalarNode)Node(m, path)).Value;
}
