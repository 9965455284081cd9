using YamlDotNet.RepresentationModel;

namespace Safe6G.Deploy.Tests;

/// <summary>The once-per-continuum files: Thanos Query/Store/Compact args, objstore, gateway routes, Grafana datasources.</summary>
public class CentralOutputTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    [Fact]
    public void QueryReachesEverySidecarAndTheStoreGatewayOverMutualTls()
    {
        var args = Args("central/thanos/query.yaml");
        Assert.Equal("query", args[0]);
        Assert.Contains("--endpoint=dns+thanos-sidecar-upv.monitoring.svc.clusterset.local:10901", args);
        Assert.Contains("--endpoint=dns+thanos-sidecar-ncsrd.monitoring.svc.clusterset.local:10901", args);
        Assert.Contains("--endpoint=dns+thanos-store.monitoring.svc:10901", args);
        Assert.Equal(3, args.Count(a => a.StartsWith("--endpoint=", StringComparison.Ordinal)));
        Assert.Contains("--grpc-client-tls-secure", args);
        Assert.Contains("--grpc-client-tls-ca=/etc/thanos/tls/ca.crt", args);
        Assert.Contains("--query.replica-label=replica", args);
    }

    [Fact]
    public void SidecarsAndStoreServeGrpcWithClientCertificatesRequired()
    {
        foreach (var args in new[] { Args("central/thanos/store.yaml"), SidecarArgs("ncsrd", 0), SidecarArgs("upv", 1) })
        {
            Assert.Contains("--grpc-server-tls-cert=/etc/thanos/tls/tls.crt", args);
            Assert.Contains("--grpc-server-tls-client-ca=/etc/thanos/tls/ca.crt", args);
            Assert.Contains("--objstore.config-file=/etc/thanos/objstore.yml", args);
        }
    }

    [Fact]
    public void CompactorRetentionComesFromTheContinuum()
    {
        var args = Args("central/thanos/compact.yaml");
        Assert.Contains("--retention.resolution-raw=30d", args);
        Assert.Contains("--retention.resolution-5m=90d", args);
        Assert.Contains("--retention.resolution-1h=1y", args);
        Assert.Contains("--wait", args);
    }

    [Fact]
    public void ObjstoreIsS3WithoutSecrets()
    {
        var text = File.ReadAllText(example.PathOf("central/thanos/objstore.yml"));
        var root = Root("central/thanos/objstore.yml");
        Assert.Equal("S3", ((YamlScalarNode)root.Children[new YamlScalarNode("type")]).Value);
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        Assert.Equal("safe6g-thanos", ((YamlScalarNode)config.Children[new YamlScalarNode("bucket")]).Value);
        Assert.DoesNotContain("secret_key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("access_key", text, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(example.PathOf("domains/ncsrd/thanos/objstore.yml")));
    }

    [Fact]
    public void GatewayConfigIsOneTheGatewayItselfLoads()
    {
        // The real gateway loader judges the file: unknown fields, wrong types and invalid values are errors there.
        var file = example.PathOf("central/gateway/gateway.yaml");
        var jwks = Path.Combine(Path.GetTempPath(), $"jwks-{Guid.NewGuid():N}.json");
        File.WriteAllText(jwks, "{\"keys\":[]}");
        try
        {
            var text = File.ReadAllText(file).Replace("/etc/safe6g/jwks/jwks.json", jwks, StringComparison.Ordinal);
            var config = Safe6G.Exporters.Sdk.Config.YamlConfigLoader.Parse<Safe6G.Gateway.Config.GatewayConfig>(text, file);
            Assert.Equal("http://thanos-query.monitoring.svc:10902", config.Thanos.Url);
            Assert.Equal("http://loki.monitoring.svc:3100", config.Loki?.Url);
            Assert.Equal(jwks, config.Auth.JwksFile);
            Assert.Equal(["safe6g-gateway"], config.Auth.Audiences);
            Assert.Equal(["domain=~\"upv|ncsrd\""], config.Tenants["resilience-tf"].Matchers);
            Assert.Equal(["domain=~\"upv|ncsrd\""], config.Tenants["mlops"].Matchers);
            Assert.Empty(config.Tenants["mlops"].LogMatchers);
            Assert.Equal("resilience-tf", config.Tenants["resilience-tf"].LokiOrgId);
            Assert.Null(config.Tenants["resilience-tf"].RateLimit);
            Assert.Equal(20, config.Tenants["mlops"].RateLimit?.RequestsPerSecond);
            Assert.Equal(40, config.Tenants["mlops"].RateLimit?.Burst);
        }
        finally
        {
            File.Delete(jwks);
        }
    }

    [Fact]
    public void GrafanaGetsTheDomainPrometheusTheCentralThanosAndTheDomainLoki()
    {
        var root = Root("domains/ncsrd/grafana/provisioning/datasources/safe6g.yaml");
        var ds = ((YamlSequenceNode)root.Children[new YamlScalarNode("datasources")]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(["prometheus-ncsrd", "thanos", "loki-ncsrd"], ds.Select(d => S(d, "uid")));
        Assert.Equal("http://thanos-query.monitoring.svc.clusterset.local:10902", S(ds[1], "url"));
        Assert.Equal("true", S(ds[0], "isDefault"));
        Assert.Single(ds, d => S(d, "isDefault") == "true");
    }

    private List<string> Args(string file) =>
        ((YamlSequenceNode)Root(file).Children[new YamlScalarNode("args")]).Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList();

    private List<string> SidecarArgs(string domain, int replica)
    {
        var replicas = (YamlSequenceNode)Root($"domains/{domain}/thanos/sidecar.yaml").Children[new YamlScalarNode("replicas")];
        var r = (YamlMappingNode)replicas.Children[replica];
        return ((YamlSequenceNode)r.Children[new YamlScalarNode("sidecarArgs")]).Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList();
    }

    private YamlMappingNode Root(string file)
    {
        var s = new YamlStream();
        s.Load(new StringReader(File.ReadAllText(example.PathOf(file))));
        return (YamlMappingNode)s.Documents[0].RootNode;
    }

    private static string? S(YamlMappingNode m, string key) => ((YamlScalarNode)m.Children[new YamlScalarNode(key)]).Value;
}
