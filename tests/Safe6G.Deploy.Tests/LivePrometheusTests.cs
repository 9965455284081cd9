namespace Safe6G.Deploy.Tests;

/// <summary>Generated configs loaded by a real Prometheus, scraping stub exporters on 127.0.0.1.</summary>
public class LivePrometheusTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    private static string Continuum(string domain, string cidr, StubExporter stub, bool withDataFabric = true) => $"""
        name: live
        defaults:
          scrapeInterval: 1s
          scrapeTimeout: 1s
          evaluationInterval: 1s
        thanos:
          objectStorage:
            type: s3
            bucket: b
            endpoint: s3.local:9000
        domains:
          - name: {domain}
            entrypoint: true
            podCidr: {cidr}
            exporters:
        {(withDataFabric ? $"      - kind: datafabric\n        address: {stub.Address}\n" : string.Empty)}      - kind: gnb
                address: {stub.Address}
                auth: public_v2
                targets:
                  - name: gnb-a
                    address: 192.0.2.10
                    modules: [system]
        """;

    [Fact]
    public async Task GeneratedDomainConfigScrapesOurExportersAndProbesTheGnbThroughTheExporter()
    {
        using var stub = new StubExporter();
        var result = ContinuumGenerator.Generate(TestPaths.WriteContinuum(Continuum("upv", "10.1.0.0/16", stub)), TestPaths.NewTempDir());
        using var prom = new PrometheusProcess(Path.Combine(result.OutDir, "domains/upv/prometheus/prometheus-0.yml"));

        var up = await prom.WaitFor(
            "up{job=~\"safe6g-datafabric|gnb-probe-system\"} == 1",
            r => r.Count == 2,
            Deadline);

        Assert.True(up.Count == 2, $"up==1 for {up.Count} of 2 jobs\n{prom.LogText}");
        Assert.Contains(up, s => s.Labels["job"] == "safe6g-datafabric" && s.Labels["component"] == "datafabric-exporter");
        Assert.Contains(up, s => s.Labels["job"] == "gnb-probe-system" && s.Labels["instance"] == "192.0.2.10" && s.Labels["gnb"] == "gnb-a");

        // The relabelling sent the gNB as target, the job's module and auth as parameters, to the exporter's address.
        Assert.Contains(stub.ProbeQueries, q => q.Contains("target=192.0.2.10", StringComparison.Ordinal)
            && q.Contains("module=system", StringComparison.Ordinal) && q.Contains("auth=public_v2", StringComparison.Ordinal));

        // honor_labels on the probe job: the exporter's own gnb label wins over the continuum name.
        var cells = await prom.WaitFor("gnb_cell_up", r => r.Count > 0, Deadline);
        Assert.Equal("stub-gnb", Assert.Single(cells).Labels["gnb"]);

        var rules = await prom.Get("/api/v1/rules");
        Assert.Contains("Safe6GGnbCellDown", rules, StringComparison.Ordinal);
        Assert.Contains("domain:datafabric_infrastructure_element_cpu_usage_ratio:avg", rules, StringComparison.Ordinal);
    }

    // Stand-in for sidecars + Thanos Query: a third Prometheus federates both domains; the external
    // labels of each domain's generated config arrive as the `domain` label.
    [Fact]
    public async Task TwoGeneratedDomainsSeenThroughACentreCarryTheirDomainLabel()
    {
        using var stubA = new StubExporter();
        using var stubB = new StubExporter();
        var a = ContinuumGenerator.Generate(TestPaths.WriteContinuum(Continuum("upv", "10.1.0.0/16", stubA)), TestPaths.NewTempDir());
        var b = ContinuumGenerator.Generate(TestPaths.WriteContinuum(Continuum("ncsrd", "10.2.0.0/16", stubB)), TestPaths.NewTempDir());
        using var promA = new PrometheusProcess(Path.Combine(a.OutDir, "domains/upv/prometheus/prometheus-0.yml"));
        using var promB = new PrometheusProcess(Path.Combine(b.OutDir, "domains/ncsrd/prometheus/prometheus-0.yml"));

        var centreConfig = Path.Combine(TestPaths.NewTempDir(), "centre.yml");
        File.WriteAllText(centreConfig, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: federate
                honor_labels: true
                metrics_path: /federate
                params:
                  'match[]': ['{"{"}job="safe6g-datafabric"{"}"}']
                static_configs:
                  - targets: ['127.0.0.1:{promA.Port}', '127.0.0.1:{promB.Port}']
            """);
        Assert.Equal(0, Tool.Promtool("check", "config", centreConfig).ExitCode);
        using var centre = new PrometheusProcess(centreConfig);

        var seen = await centre.WaitFor("count by (domain, replica) (datafabric_up)", r => r.Count == 2, Deadline);

        Assert.True(seen.Count == 2, $"domains seen: {string.Join(", ", seen.Select(s => string.Join(",", s.Labels)))}\n{centre.LogText}");
        Assert.Equal(["ncsrd", "upv"], seen.Select(s => s.Labels["domain"]).Order(StringComparer.Ordinal));
        Assert.Contains(seen, s => s.Labels["replica"] == "upv-0");
    }
}
