using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Testing;

namespace Safe6G.Exporters.DataFabric.Tests;

public sealed class ExporterHostTests
{
    private static async Task<ExporterHost<DataFabricConfig>> StartExporter(TempDir dir, string yaml) =>
        await ExporterHost<DataFabricConfig>.StartAsync(new DataFabricExporter(), new ExporterHostOptions
        {
            ConfigFile = dir.Write("datafabric.yml", yaml),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
        });

    [Fact]
    public async Task One_failing_broker_goes_down_alone_while_the_other_is_served()
    {
        await using var upv = await Brokers.StartAsync("upv", 6);
        await using var ncsrd = await Brokers.StartAsync("ncsrd", 4, faults: new FaultSettings { ErrorRate = 1 });
        using var dir = new TempDir();
        await using var host = await StartExporter(dir, $"""
            brokers:
              - {"{"}name: upv, url: "{upv.BaseAddress}"{"}"}
              - {"{"}name: ncsrd, url: "{ncsrd.BaseAddress}"{"}"}
            """);
        var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));
        Assert.Contains("datafabric_up{source=\"upv\"} 1", body);
        Assert.Contains("datafabric_up{source=\"ncsrd\"} 0", body);
        Assert.Contains("datafabric_upstream_errors_total{source=\"ncsrd\",reason=\"http_status\"} 1", body);
        Assert.Equal(6, body.Split('\n').Count(l => l.StartsWith("datafabric_infrastructure_element_info{", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Real_prometheus_scrapes_the_exporter_and_promtool_is_clean()
    {
        await using var upv = await Brokers.StartAsync("upv", 25);
        using var dir = new TempDir();
        await using var host = await StartExporter(dir, $"domain: upv\nbrokers:\n  - name: upv\n    url: {upv.BaseAddress}\n");
        var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));
        var lint = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "datafabric_"));
        Assert.True(lint.ExitCode == 0, lint.Output);

        await using var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: datafabric
              static_configs:
                - targets: ['{host.BaseAddress.Authority}']
            """);
        Assert.Equal(1, await prometheus.WaitForValueAsync("datafabric_up{source=\"upv\"}", v => v == 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(25, await prometheus.WaitForValueAsync("count(datafabric_infrastructure_element_info{domain=\"upv\"})", v => v == 25, TimeSpan.FromSeconds(30)));
        var ready = await prometheus.WaitForValueAsync("sum(datafabric_infrastructure_element_status{status=\"Ready\"})", v => v > 0, TimeSpan.FromSeconds(30));
        Assert.InRange(ready, 1, 25);
    }

    [Fact]
    public async Task Oauth2_client_credentials_are_fetched_and_used()
    {
        await using var upv = await Brokers.StartAsync("upv", 3, auth: new AuthSettings { Clients = new Dictionary<string, string> { ["exporter"] = "s3cret" } });
        using var dir = new TempDir();
        var tokenUrl = new Uri(upv.BaseAddress, "realms/aerios/protocol/openid-connect/token");
        await using var host = await StartExporter(dir, $"""
            brokers:
              - name: upv
                url: {upv.BaseAddress}
                auth:
                  oauth2: {"{"}token_url: "{tokenUrl}", client_id: exporter, client_secret: s3cret{"}"}
            """);
        var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));
        Assert.Contains("datafabric_up{source=\"upv\"} 1", body);

        await using var wrong = await StartExporter(dir, $"""
            brokers:
              - name: upv
                url: {upv.BaseAddress}
                auth:
                  oauth2: {"{"}token_url: "{tokenUrl}", client_id: exporter, client_secret: nope{"}"}
            """);
        var refused = await Http.Client.GetStringAsync(new Uri(wrong.BaseAddress, "metrics"));
        Assert.Contains("datafabric_up{source=\"upv\"} 0", refused);
        Assert.Contains("reason=\"auth\"", refused);
    }

    [Fact]
    public async Task Config_errors_name_the_field_and_line()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<Safe6G.Exporters.Sdk.Config.ConfigException>(() => StartExporter(dir, """
            brokers:
              - name: upv
                url: http://a:1026
                local: false
              - name: ncsrd
                url: not-a-url
                page_size: 5000
            """));
        Assert.Contains(ex.Errors, e => e.Field == "brokers[0].local" && e.Line == 4);
        Assert.Contains(ex.Errors, e => e.Field == "brokers[1].url" && e.Line == 6);
        Assert.Contains(ex.Errors, e => e.Field == "brokers[1].page_size" && e.Line == 7);
    }
}
