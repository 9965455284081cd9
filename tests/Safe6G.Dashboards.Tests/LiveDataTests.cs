using Safe6G.Exporters.CmcCore;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Gnb;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Metaverse;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Cnc;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Metaverse;
using Safe6G.Simulators.Orion;
using Safe6G.Simulators.Snmp;
using Safe6G.Testing;
using Xunit.Abstractions;

namespace Safe6G.Dashboards.Tests;

/// <summary>
/// Every panel query returns at least one series from a real Prometheus scraping our exporters, which read
/// the simulators (Orion-LD ×3 with one failing, CNC, Metaverse manager, SNMP gNB agent); the adopted
/// exporters (cAdvisor, kube-state-metrics, node_exporter, Kepler, Hubble) come from a synthetic series set.
/// </summary>
public sealed class LiveDataTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Task<ExporterHost<T>> Host<T>(IExporterDefinition<T> definition, TempDir dir, string name, string yaml) where T : ExporterConfig, new() =>
        ExporterHost<T>.StartAsync(definition, new ExporterHostOptions
        {
            ConfigFile = dir.Write(name, yaml),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
        });

    [Fact]
    public async Task Every_panel_query_returns_series()
    {
        using var dir = new TempDir("dash-live");
        await using var upv = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "upv", Scale = 6, Seed = 7 });
        await using var ncsrd = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "ncsrd", Scale = 4, Seed = 8 });
        // A broker that always fails, so the upstream-error panels have something real to show.
        await using var broken = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "edge", Scale = 1, Faults = new FaultSettings { ErrorRate = 1 } });
        await using var datafabric = await Host(new DataFabricExporter(), dir, "datafabric.yml", $"""
            brokers:
              - {"{"}name: upv, url: "{upv.BaseAddress}"{"}"}
              - {"{"}name: ncsrd, url: "{ncsrd.BaseAddress}"{"}"}
              - {"{"}name: edge, url: "{broken.BaseAddress}"{"}"}
            """);
        await using var cnc = await CncSimulator.StartAsync(new CncSimulatorOptions { Scale = 10, Seed = 3 });
        await using var cmc = await Host(new CmcExporter(), dir, "cmc.yml", $"""
            cores:
              - name: core1
                url: {cnc.BaseAddress}api/v1.0
            """);
        await using var manager = await MetaverseSimulator.StartAsync(new MetaverseSimulatorOptions { Scale = 6, Seed = 4 });
        await using var metaverse = await Host(new MetaverseExporter(), dir, "metaverse.yml", $"""
            managers:
              - name: mv1
                url: {manager.BaseAddress}api/v1
            """);
        await using var snmp = await SnmpAgentSimulator.StartAsync(new SnmpSimulatorOptions { Listen = "127.0.0.1:0", Seed = 5 });
        await using var gnb = await Host(new GnbExporter(), dir, "gnb.yml", "auths:\n  public_v2: {version: 2, community: public}\n");
        await using var synthetic = await SyntheticTarget.StartAsync("adopted.prom");

        var agent = snmp.Agents[0].EndPoint.ToString();
        await using var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: datafabric
              static_configs: [{"{"}targets: ['{datafabric.BaseAddress.Authority}']{"}"}]
            - job_name: cmc
              static_configs: [{"{"}targets: ['{cmc.BaseAddress.Authority}']{"}"}]
            - job_name: metaverse
              static_configs: [{"{"}targets: ['{metaverse.BaseAddress.Authority}']{"}"}]
            - job_name: gnb
              static_configs: [{"{"}targets: ['{gnb.BaseAddress.Authority}']{"}"}]
            - job_name: gnb-probe
              metrics_path: /probe
              params: {"{"}module: [baicells_qrtb], auth: [public_v2]{"}"}
              static_configs: [{"{"}targets: ['{agent}']{"}"}]
              relabel_configs:
                - {"{"}source_labels: [__address__], target_label: __param_target{"}"}
                - {"{"}source_labels: [__param_target], target_label: instance{"}"}
                - {"{"}target_label: __address__, replacement: '{gnb.BaseAddress.Authority}'{"}"}
            - job_name: synthetic
              static_configs: [{"{"}targets: ['{synthetic.BaseAddress.Authority}']{"}"}]
            """);

        await prometheus.WaitForValueAsync("datafabric_up{source=\"upv\"}", v => v == 1, Timeout);
        await prometheus.WaitForValueAsync("count(up == 1)", v => v == 6, Timeout);
        // Three scrapes after all targets are up, so rate() and increase() have two samples in their window.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var empty = await EmptyQueriesAsync(prometheus, PanelQueries.All().ToList(), values: null);
        var variables = await EmptyVariablesAsync(prometheus);
        Assert.True(empty.Count == 0 && variables.Count == 0,
            $"queries without series:\n{string.Join('\n', empty.Concat(variables))}\nPrometheus targets: {await prometheus.TargetsAsync()}");
    }

    [Fact]
    public async Task Data_fabric_panels_filter_by_one_domain()
    {
        using var dir = new TempDir("dash-domain");
        await using var upv = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "upv", Scale = 6, Seed = 7 });
        await using var ncsrd = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "ncsrd", Scale = 4, Seed = 8 });
        await using var datafabric = await Host(new DataFabricExporter(), dir, "datafabric.yml", $"""
            brokers:
              - {"{"}name: upv, url: "{upv.BaseAddress}"{"}"}
              - {"{"}name: ncsrd, url: "{ncsrd.BaseAddress}"{"}"}
            """);
        await using var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: datafabric
              static_configs: [{"{"}targets: ['{datafabric.BaseAddress.Authority}']{"}"}]
            """);
        await prometheus.WaitForValueAsync("count(datafabric_infrastructure_element_info)", v => v == 10, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var ncsrdOnly = new Dictionary<string, string> { ["domain"] = "ncsrd" };
        var dataFabricQueries = PanelQueries.All()
            .Where(q => q.Dashboard is Definitions.ContinuumOverview.Uid or Definitions.DataFabric.Uid)
            .ToList();
        var empty = await EmptyQueriesAsync(prometheus, dataFabricQueries, ncsrdOnly);
        Assert.True(empty.Count == 0, string.Join('\n', empty));
        var ies = await prometheus.QueryAsync(PanelQueries.Substitute("""count(datafabric_infrastructure_element_info{domain=~"$domain"})""", ncsrdOnly));
        Assert.Equal("4", ies[0].GetProperty("value")[1].GetString());
    }

    private async Task<List<string>> EmptyQueriesAsync(PrometheusServer prometheus, List<PanelQueries.Item> queries, IReadOnlyDictionary<string, string>? values)
    {
        var empty = new List<string>();
        foreach (var q in queries)
        {
            var expr = PanelQueries.Substitute(q.Expr, values);
            var result = await prometheus.QueryAsync(expr);
            output.WriteLine($"{result.GetArrayLength(),4} series  {q}");
            if (result.GetArrayLength() == 0)
                empty.Add($"{q}  →  {expr}");
        }
        return empty;
    }

    private static async Task<List<string>> EmptyVariablesAsync(PrometheusServer prometheus)
    {
        var empty = new List<string>();
        foreach (var d in DashboardCatalog.All())
        {
            foreach (var v in d.Templating.List.Where(v => v.Type == "query"))
            {
                var selector = PanelQueries.LabelValuesSelector(v);
                var label = v.Name;
                // label_values(selector, label) lists the label's values on the selected series; the
                // domain label only exists on Data Fabric series (elsewhere Thanos adds it as an external label).
                if (label == "domain" && !selector.StartsWith("datafabric_", StringComparison.Ordinal))
                    continue;
                var result = await prometheus.QueryAsync($"count by ({label}) ({PanelQueries.Substitute(selector)})");
                var values = result.EnumerateArray().Count(r => r.GetProperty("metric").TryGetProperty(label, out var value) && value.GetString()!.Length > 0);
                if (values == 0)
                    empty.Add($"{d.Uid} variable {v.Name}: {v.Query} has no values");
            }
        }
        return empty;
    }
}
