using System.Text;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;
using Safe6G.Testing;

namespace Safe6G.Orchestration.Tests;

/// <summary>The whole loop: Orion-LD simulator → Data Fabric exporter → real Prometheus, ready to be read by the orchestrator.</summary>
internal sealed class LoopFixture : IAsyncDisposable
{
    public const int Scale = 40;

    private LoopFixture(RunningSimulator broker, ExporterHost<DataFabricConfig> exporter, PrometheusServer prometheus, TempDir dir)
    {
        Broker = broker;
        Exporter = exporter;
        Prometheus = prometheus;
        Dir = dir;
    }

    public RunningSimulator Broker { get; }
    public ExporterHost<DataFabricConfig> Exporter { get; }
    public PrometheusServer Prometheus { get; }
    public TempDir Dir { get; }

    public static async Task<LoopFixture> StartAsync()
    {
        var broker = await OrionSimulator.StartAsync(new OrionSimulatorOptions
        {
            Domain = "upv",
            Scale = Scale,
            Seed = 7,
            Clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)),
        });
        var dir = new TempDir("orchestration");
        var exporter = await ExporterHost<DataFabricConfig>.StartAsync(new DataFabricExporter(), new ExporterHostOptions
        {
            ConfigFile = dir.Write("datafabric.yml", $"domain: upv\nbrokers:\n  - name: upv\n    url: {broker.BaseAddress}\nscrape:\n  cache_ttl: 0s\n"),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
        });
        var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: datafabric
              static_configs:
                - targets: ['{exporter.BaseAddress.Authority}']
            """);
        var fixture = new LoopFixture(broker, exporter, prometheus, dir);
        await prometheus.WaitForValueAsync("count(datafabric_infrastructure_element_info{domain=\"upv\"})", v => v == Scale, TimeSpan.FromSeconds(60));
        return fixture;
    }

    /// <summary>Sets an IE's status in the broker, the way self-awareness would.</summary>
    public async Task SetStatusAsync(string ie, string status)
    {
        using var content = new StringContent($$$"""{"infrastructureElementStatus":{"type":"Relationship","object":"urn:ngsi-ld:InfrastructureElementStatus:{{{status}}}"}}""",
            Encoding.UTF8, "application/json");
        var url = new Uri(Broker.BaseAddress, $"ngsi-ld/v1/entities/{Uri.EscapeDataString("urn:ngsi-ld:InfrastructureElement:" + ie)}/attrs");
        using var response = await Http.Client.PatchAsync(url, content);
        Assert.True(response.IsSuccessStatusCode, $"PATCH {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The <c>ie</c> labels of a PromQL vector.</summary>
    public async Task<HashSet<string>> IesAsync(string promql)
    {
        var result = await Prometheus.QueryAsync(promql);
        return result.EnumerateArray().Select(s => s.GetProperty("metric").GetProperty("ie").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        await Exporter.DisposeAsync();
        await Broker.DisposeAsync();
        Dir.Dispose();
    }
}
