using Safe6G.Exporters.CmcCore;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Testing;

namespace Safe6G.Exporters.CmcCore.Tests;

public sealed class ExporterHostTests
{
    internal static async Task<ExporterHost<CmcConfig>> StartExporter(TempDir dir, string yaml, CmcExporter? definition = null, LogCapture? log = null) =>
        await ExporterHost<CmcConfig>.StartAsync(definition ?? new CmcExporter(), new ExporterHostOptions
        {
            ConfigFile = dir.Write("cmc.yml", yaml),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
            LogSink = log,
        });

    [Fact]
    public async Task Every_upstream_fault_gives_up_0_an_error_count_and_one_log_line_per_scrape_without_hanging()
    {
        await using var ok = await Cores.StartAsync(10, TimeProvider.System);
        await using var broken = await Cores.StartAsync(10, TimeProvider.System, new FaultSettings { ErrorRate = 1 });
        await using var garbled = await Cores.StartAsync(10, TimeProvider.System, new FaultSettings { MalformedRate = 1 });
        await using var slow = await Cores.StartAsync(10, TimeProvider.System, new FaultSettings { LatencyMs = 20_000 });
        await using var dead = await Cores.StartAsync(10, TimeProvider.System, new FaultSettings { Down = true });
        await using var locked = await Cores.StartAsync(10, TimeProvider.System, auth: new AuthSettings { StaticTokens = ["t0k3n"] });
        var refused = $"http://127.0.0.1:{FreePort.Tcp()}/api/v1.0";
        using var dir = new TempDir();
        var log = new LogCapture();
        await using var host = await StartExporter(dir, $"""
            scrape: {"{"}timeout: 3s{"}"}
            cores:
              - {"{"}name: ok, url: "{Cores.ApiBase(ok)}"{"}"}
              - {"{"}name: broken, url: "{Cores.ApiBase(broken)}"{"}"}
              - {"{"}name: garbled, url: "{Cores.ApiBase(garbled)}"{"}"}
              - {"{"}name: slow, url: "{Cores.ApiBase(slow)}", timeout: 1s{"}"}
              - {"{"}name: dead, url: "{Cores.ApiBase(dead)}"{"}"}
              - {"{"}name: refused, url: "{refused}"{"}"}
              - {"{"}name: locked, url: "{Cores.ApiBase(locked)}"{"}"}
            """, log: log);
        var body = await FaultScrapes.AssertEachScrapeAsync(new Uri(host.BaseAddress, "metrics"), "cmc", log, "ok",
            ("broken", "http_status"), ("garbled", "malformed"), ("slow", "timeout"), ("dead", "connect"), ("refused", "connect"), ("locked", "auth"));
        Assert.Contains("cmc_subscribers{core=\"ok\"} 10", body);
    }

    [Fact]
    public async Task Real_prometheus_scrapes_it_promtool_is_clean_and_rate_survives_a_simulator_restart()
    {
        var port = FreePort.Tcp();
        var sim = await Cores.StartAsync(40, TimeProvider.System, listen: $"127.0.0.1:{port}");
        try
        {
            using var dir = new TempDir();
            await using var host = await StartExporter(dir, $"domain: lab\ncores:\n  - name: lab\n    url: {Cores.ApiBase(sim)}\n");
            var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));
            var lint = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "cmc_"));
            Assert.True(lint.ExitCode == 0, lint.Output);

            await using var prometheus = await PrometheusServer.StartAsync($"""
                - job_name: cmc
                  static_configs:
                    - targets: ['{host.BaseAddress.Authority}']
                """);
            Assert.Equal(1, await prometheus.WaitForValueAsync("cmc_up{source=\"lab\"}", v => v == 1, TimeSpan.FromSeconds(30)));
            Assert.Equal(40, await prometheus.WaitForValueAsync("cmc_subscribers", v => v == 40, TimeSpan.FromSeconds(30)));
            Assert.Equal(4, await prometheus.WaitForValueAsync("count(cmc_slice_info)", v => v == 4, TimeSpan.FromSeconds(30)));
            // Several scrapes in, no per-UE counter has gone down.
            await prometheus.WaitForValueAsync("min(count_over_time(cmc_ue_uplink_bytes_total[1m]))", v => v >= 4, TimeSpan.FromSeconds(30));
            Assert.Equal(0, await prometheus.WaitForValueAsync("sum(resets(cmc_ue_uplink_bytes_total[1m]))", _ => true, TimeSpan.FromSeconds(5)));

            // Restart the core on the same port: every counter starts again from 0.
            await sim.DisposeAsync();
            sim = await Cores.StartAsync(40, TimeProvider.System, listen: $"127.0.0.1:{port}");
            var reset = await prometheus.WaitForValueAsync("sum(resets(cmc_ue_downlink_bytes_total[1m]))", v => v > 0, TimeSpan.FromSeconds(30));
            Assert.True(reset > 0);
            await prometheus.WaitForValueAsync("min(count_over_time(cmc_up[10s]))", v => v >= 2, TimeSpan.FromSeconds(30));
            // rate() treats the drop as a reset: never negative.
            Assert.True(await prometheus.WaitForValueAsync("min(rate(cmc_ue_downlink_bytes_total[1m]))", v => v >= 0, TimeSpan.FromSeconds(10)) >= 0);
            Assert.True(await prometheus.WaitForValueAsync("sum(rate(cmc_slice_downlink_bytes_total[1m]))", v => v > 0, TimeSpan.FromSeconds(10)) > 0);
        }
        finally
        {
            await sim.DisposeAsync();
        }
    }

    [Fact]
    public async Task Config_errors_name_the_file_line_and_field()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<ConfigException>(() => StartExporter(dir, """
            cores:
              - name: lab
                url: not-a-url
                per_ue:
                  max_ues: -1
                tls:
                  ca_file: /nonexistent/ca.pem
                usage_since: yesterday
              - name: lab
                url: https://cnc:3000/api/v1.0
                auth: {}
            mongodb:
              connection_string: http://mongo
              batch_size: 0
            """));
        Assert.All(ex.Errors, e => Assert.EndsWith("cmc.yml", e.File));
        Assert.Contains(ex.Errors, e => e.Field == "cores[0].url" && e.Line == 3);
        Assert.Contains(ex.Errors, e => e.Field == "cores[0].per_ue.max_ues" && e.Line == 5);
        Assert.Contains(ex.Errors, e => e.Field == "cores[0].tls.ca_file" && e.Line == 7);
        Assert.Contains(ex.Errors, e => e.Field == "cores[0].usage_since" && e.Line == 8);
        Assert.Contains(ex.Errors, e => e.Field == "cores[1].name" && e.Line == 9);
        Assert.Contains(ex.Errors, e => e.Field == "cores[1].auth" && e.Line == 11);
        Assert.Contains(ex.Errors, e => e.Field == "mongodb.connection_string" && e.Line == 13);
        Assert.Contains(ex.Errors, e => e.Field == "mongodb.batch_size" && e.Line == 14);
    }

    [Fact]
    public async Task An_unknown_field_is_an_error_with_its_line()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<ConfigException>(() => StartExporter(dir, "cores:\n  - name: lab\n    url: http://a/api/v1.0\n    insecure: true\n"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("insecure", error.Message);
    }
}
