namespace Safe6G.Deploy.Tests;

/// <summary>Each bad continuum breaks the valid base in one place; the error must name file, line and field.</summary>
public class BadContinuumTests
{
    public static TheoryData<string, string, string, int, string, string> Cases => new()
    {
        { "unknown field", "    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    podcidrs: x", 19, "domains[1].podcidrs", "unknown field 'podcidrs'" },
        { "wrong type bool", "entrypoint: true", "entrypoint: maybe", 9, "domains[0].entrypoint", "expected true or false" },
        { "wrong type int", "    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    clusterId: two", 19, "domains[1].clusterId", "expected an integer" },
        { "wrong type list", "      - kind: cmc", "      kind: cmc", 20, "domains[1].exporters", "expected a list" },
        { "overlapping pod CIDRs", "podCidr: 10.2.0.0/16", "podCidr: 10.1.128.0/17", 18, "domains[1].podCidr", "overlaps 10.1.0.0/16 of domain 'alpha' (line 10)" },
        { "duplicate domain", "  - name: beta", "  - name: alpha", 17, "domains[1].name", "duplicate domain name 'alpha' (first declared at line 8)" },
        { "missing entrypoint", "    entrypoint: true\n", string.Empty, 8, "domains", "no domain has 'entrypoint: true'" },
        { "two entrypoints", "    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    entrypoint: true", 19, "domains[1].entrypoint", "only one domain may be the entrypoint" },
        { "missing storage", "  objectStorage:\n    type: s3\n    bucket: b\n    endpoint: s3.local:9000", "  domain: alpha", 3, "thanos.objectStorage", "required section is missing" },
        { "missing bucket", "    bucket: b\n", string.Empty, 4, "thanos.objectStorage.bucket", "required field is missing" },
        { "unknown exporter", "kind: cmc", "kind: cnc", 20, "domains[1].exporters[0].kind", "unknown exporter 'cnc'" },
        { "bad CIDR", "podCidr: 10.2.0.0/16", "podCidr: 10.2.0.0/33", 18, "domains[1].podCidr", "is not a CIDR" },
        { "unknown thanos domain", "thanos:\n", "thanos:\n  domain: gamma\n", 3, "thanos.domain", "'gamma' is not a declared domain" },
        { "timeout over interval", "    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    prometheus:\n      scrapeInterval: 10s\n      scrapeTimeout: 20s", 21, "domains[1].prometheus.scrapeTimeout", "longer than the scrape interval" },
        { "bad duration", "    podCidr: 10.2.0.0/16", "    podCidr: 10.2.0.0/16\n    prometheus:\n      retention: 2 weeks", 20, "domains[1].prometheus.retention", "is not a duration" },
        { "raw retention too short", "thanos:\n", "thanos:\n  retention:\n    raw: 1d\n", 4, "thanos.retention.raw", "shorter than 40h" },
        { "per-IE exporter without IEs", "      - kind: cmc", "      - kind: kepler", 20, "domains[1].exporters[0].kind", "lists none under infrastructureElements" },
        { "datafabric twice in continuum", "      - kind: cmc", "      - kind: datafabric", 20, "domains[1].exporters[0].kind", "runs once for the whole continuum" },
        { "domain name not a DNS label", "  - name: beta", "  - name: Beta_1", 17, "domains[1].name", "must be a DNS label" },
        { "tenant of an unknown domain", "domains:\n  - name: alpha", "gateway:\n  tenants:\n    - name: t1\n      subject: s\n      domains: [gamma]\ndomains:\n  - name: alpha", 9, "gateway.tenants[0].domains", "'gamma' is not a declared domain" },
        { "unknown tenant route", "domains:\n  - name: alpha", "gateway:\n  tenants:\n    - name: t1\n      subject: s\n      routes: [grafana]\ndomains:\n  - name: alpha", 11, "gateway.tenants[0].routes", "unknown route 'grafana'" },
        { "tenant rate limit of zero", "domains:\n  - name: alpha", "gateway:\n  tenants:\n    - name: t1\n      subject: s\n      rateLimit: {requestsPerSecond: 0}\ndomains:\n  - name: alpha", 11, "gateway.tenants[0].rateLimit.requestsPerSecond", "must be at least 1" },
        { "tenant rate limit without a rate", "domains:\n  - name: alpha", "gateway:\n  tenants:\n    - name: t1\n      subject: s\n      rateLimit:\n        burst: 5\ndomains:\n  - name: alpha", 12, "gateway.tenants[0].rateLimit.requestsPerSecond", "required field is missing" },
        { "duplicate infrastructure element", "        address: 10.0.0.1\n", "        address: 10.0.0.1\n      - name: alpha-1\n        address: 10.0.0.2\n", 14, "domains[0].infrastructureElements[1].name", "duplicate infrastructure element 'alpha-1'" },
        { "duplicate trust function", "domains:\n  - name: alpha", "mesh:\n  trustFunctions: [a, a]\ndomains:\n  - name: alpha", 8, "mesh.trustFunctions", "must be a unique DNS label" },
        { "gnb without targets", "      - kind: cmc", "      - kind: gnb", 20, "domains[1].exporters[0].targets", "probe-only" },
        { "YAML syntax", "  - name: beta", "  - name: [beta", 17, "(syntax)", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadContinuumNamesFileLineAndField(string why, string find, string replace, int line, string field, string fragment)
    {
        Assert.Contains(find, ContinuumText.Valid, StringComparison.Ordinal);
        var path = TestPaths.WriteContinuum(ContinuumText.Valid.Replace(find, replace, StringComparison.Ordinal));
        var outDir = TestPaths.NewTempDir();

        var e = Assert.Throws<ContinuumConfigException>(() => ContinuumGenerator.Generate(path, outDir));

        Assert.True(e.Line == line && e.Field == field, $"{why}: expected line {line} field {field}, got: {e.Message}");
        Assert.Equal(path, e.File);
        Assert.StartsWith($"{path}:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
    }

    [Fact]
    public void ValidBaseGenerates()
    {
        var path = TestPaths.WriteContinuum(ContinuumText.Valid);
        var result = ContinuumGenerator.Generate(path, TestPaths.NewTempDir());
        Assert.Contains("domains/beta/prometheus/prometheus-0.yml", result.Files);
    }

    [Fact]
    public void MissingFileIsAConfigError()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "nope.yaml");
        var e = Assert.Throws<ContinuumConfigException>(() => ContinuumGenerator.Load(path));
        Assert.Contains("nope.yaml", e.Message, StringComparison.Ordinal);
    }
}
