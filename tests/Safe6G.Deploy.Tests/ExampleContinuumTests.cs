namespace Safe6G.Deploy.Tests;

/// <summary>The shipped example (upv + ncsrd) generates every file, and Prometheus' own tool accepts them.</summary>
public class ExampleContinuumTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    [Fact]
    public void ExampleGeneratesEveryExpectedFile()
    {
        string[] expected =
        [
            "domains/upv/prometheus/prometheus-0.yml",
            "domains/upv/prometheus/prometheus-1.yml",
            "domains/ncsrd/prometheus/prometheus-0.yml",
            "domains/upv/prometheus/rules/safe6g-alerts.rules.yml",
            "domains/ncsrd/prometheus/rules/safe6g-recording.rules.yml",
            "domains/upv/thanos/sidecar.yaml",
            "domains/ncsrd/thanos/objstore.yml",
            "domains/upv/loki/loki.yaml",
            "domains/ncsrd/promtail/promtail.yaml",
            "domains/upv/grafana/provisioning/datasources/safe6g.yaml",
            "domains/ncsrd/grafana/provisioning/dashboards/safe6g.yaml",
            "domains/upv/helm/safe6g-exporter-datafabric.values.yaml",
            "domains/ncsrd/helm/safe6g-exporter-gnb.values.yaml",
            "central/thanos/query.yaml",
            "central/thanos/store.yaml",
            "central/thanos/compact.yaml",
            "central/thanos/objstore.yml",
            "central/gateway/gateway.yaml",
            "central/helm/safe6g-gateway.values.yaml",
            "central/helm/safe6g-orchestrator.values.yaml",
            "summary.txt",
        ];
        foreach (var f in expected)
        {
            Assert.Contains(f, example.Result.Files);
            Assert.True(File.Exists(example.PathOf(f)), f);
        }

        Assert.DoesNotContain("domains/ncsrd/prometheus/prometheus-1.yml", example.Result.Files);
    }

    [Fact]
    public void ReplicasDifferOnlyInTheirReplicaLabelAndAlertsDropIt()
    {
        var r0 = File.ReadAllText(example.PathOf("domains/upv/prometheus/prometheus-0.yml"));
        var r1 = File.ReadAllText(example.PathOf("domains/upv/prometheus/prometheus-1.yml"));
        Assert.Contains("    replica: upv-0\n", r0, StringComparison.Ordinal);
        Assert.Equal(r0.Replace("replica: upv-0", "replica: upv-1", StringComparison.Ordinal), r1);
        Assert.Contains("  - regex: replica\n    action: labeldrop\n", r0, StringComparison.Ordinal);
        Assert.Contains("    - alertmanager.monitoring.svc:9093\n", r0, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPrometheusConfigPassesPromtoolSyntaxCheckAsGenerated()
    {
        var configs = example.Matching(".yml").Where(f => Path.GetFileName(f).StartsWith("prometheus-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, configs.Count);
        foreach (var config in configs)
        {
            var r = Tool.Promtool("check", "config", "--syntax-only", config);
            Assert.True(r.ExitCode == 0, $"{config}: {r}");
        }
    }

    // A full check also stats referenced files. The kubelet token exists only inside a pod, so the
    // example is regenerated with kubeletTokenFile pointing at a real file; nothing else changes.
    [Fact]
    public void EveryPrometheusConfigPassesFullPromtoolCheck()
    {
        var dir = TestPaths.NewTempDir();
        var token = Path.Combine(dir, "token");
        File.WriteAllText(token, "not-a-real-token");
        var text = File.ReadAllText(TestPaths.Example);
        const string Anchor = "      retention: 15d\n";
        Assert.Equal(2, text.Split(Anchor).Length - 1);
        var continuum = Path.Combine(dir, "two-domains.yaml");
        File.WriteAllText(continuum, text.Replace(Anchor, Anchor + $"      kubeletTokenFile: {token}\n", StringComparison.Ordinal));

        var result = ContinuumGenerator.Generate(continuum, Path.Combine(dir, "out"));

        var configs = result.Files.Where(f => f.Contains("/prometheus/prometheus-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, configs.Count);
        foreach (var config in configs)
        {
            var path = Path.Combine(dir, "out", config);
            Assert.Contains(token, File.ReadAllText(path), StringComparison.Ordinal);
            var r = Tool.Promtool("check", "config", path);
            Assert.True(r.ExitCode == 0, $"{config}: {r}");

            // check config also loads the rule files through the rules/*.rules.yml glob.
            Assert.Contains("SUCCESS: 8 rules found", r.Output, StringComparison.Ordinal);
            Assert.Contains("SUCCESS: 5 rules found", r.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRulesFilePassesPromtoolCheckRules()
    {
        var rules = example.Matching(".rules.yml").ToList();
        Assert.Equal(4, rules.Count);
        var r = Tool.Promtool(["check", "rules", .. rules]);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(4, r.Output.Split("SUCCESS").Length - 1);
    }

    [Fact]
    public void PromtoolRejectsABrokenConfigSoTheChecksAboveCanFail()
    {
        var dir = TestPaths.NewTempDir();
        var bad = Path.Combine(dir, "bad.yml");
        var good = File.ReadAllText(example.PathOf("domains/ncsrd/prometheus/prometheus-0.yml"));
        File.WriteAllText(bad, good.Replace("scrape_timeout: 10s", "scrape_timeout: 10x", StringComparison.Ordinal));
        Assert.NotEqual(0, Tool.Promtool("check", "config", "--syntax-only", bad).ExitCode);
    }

    [Fact]
    public void SummaryNamesBothDomainsWithTheSeedFigures()
    {
        var s = example.Result.Summary;
        Assert.Contains("  upv: ", s, StringComparison.Ordinal);
        Assert.Contains("  ncsrd: ", s, StringComparison.Ordinal);

        // ncsrd: stack 1.2 + cmc 0.1 + gnb 0.05 + kube-state-metrics 0.01 + 2 IEs x 0.1 = 1.56 CPU.
        Assert.Contains("ncsrd: 1.560 CPU, 2560 MiB", s, StringComparison.Ordinal);
        Assert.Equal(s, File.ReadAllText(example.PathOf("summary.txt")));
    }
}
