using Safe6G.Exporters.Metaverse;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Metaverse;
using Safe6G.Testing;

namespace Safe6G.Exporters.Metaverse.Tests;

public sealed class ExporterHostTests
{
    private static async Task<ExporterHost<MetaverseConfig>> StartExporter(TempDir dir, string yaml, LogCapture? log = null) =>
        await ExporterHost<MetaverseConfig>.StartAsync(new MetaverseExporter(), new ExporterHostOptions
        {
            ConfigFile = dir.Write("metaverse.yml", yaml),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
            LogSink = log,
        });

    [Fact]
    public async Task Every_upstream_fault_gives_up_0_an_error_count_and_one_log_line_per_scrape_without_hanging()
    {
        await using var ok = await Managers.StartAsync(6, TimeProvider.System);
        await using var broken = await Managers.StartAsync(6, TimeProvider.System, new FaultSettings { ErrorRate = 1, ErrorStatus = 503 });
        await using var garbled = await Managers.StartAsync(6, TimeProvider.System, new FaultSettings { MalformedRate = 1 });
        await using var slow = await Managers.StartAsync(6, TimeProvider.System, new FaultSettings { LatencyMs = 20_000 });
        await using var dead = await Managers.StartAsync(6, TimeProvider.System, new FaultSettings { Down = true });
        await using var locked = await Managers.StartAsync(6, TimeProvider.System, auth: new AuthSettings { StaticTokens = ["t0k3n"] });
        var refused = $"http://127.0.0.1:{FreePort.Tcp()}/api/v1";
        using var dir = new TempDir();
        var log = new LogCapture();
        await using var host = await StartExporter(dir, $"""
            scrape: {"{"}timeout: 3s{"}"}
            managers:
              - {"{"}name: ok, url: "{Managers.ApiBase(ok)}"{"}"}
              - {"{"}name: broken, url: "{Managers.ApiBase(broken)}"{"}"}
              - {"{"}name: garbled, url: "{Managers.ApiBase(garbled)}"{"}"}
              - {"{"}name: slow, url: "{Managers.ApiBase(slow)}", timeout: 1s{"}"}
              - {"{"}name: dead, url: "{Managers.ApiBase(dead)}"{"}"}
              - {"{"}name: refused, url: "{refused}"{"}"}
              - {"{"}name: locked, url: "{Managers.ApiBase(locked)}"{"}"}
            """, log);
        await FaultScrapes.AssertEachScrapeAsync(new Uri(host.BaseAddress, "metrics"), "metaverse", log, "ok",
            ("broken", "http_status"), ("garbled", "malformed"), ("slow", "timeout"), ("dead", "connect"), ("refused", "connect"), ("locked", "auth"));
    }

    [Fact]
    public async Task Real_prometheus_scrapes_it_and_promtool_is_clean()
    {
        await using var sim = await Managers.StartAsync(20, TimeProvider.System);
        using var dir = new TempDir();
        await using var host = await StartExporter(dir, $"managers:\n  - name: xr\n    url: {Managers.ApiBase(sim)}\n");
        var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));
        var lint = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "metaverse_"));
        Assert.True(lint.ExitCode == 0, lint.Output);

        await using var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: metaverse
              static_configs:
                - targets: ['{host.BaseAddress.Authority}']
            """);
        Assert.Equal(1, await prometheus.WaitForValueAsync("metaverse_up{source=\"xr\"}", v => v == 1, TimeSpan.FromSeconds(30)));
        var sessions = await prometheus.WaitForValueAsync("sum(metaverse_sessions)", v => v > 0, TimeSpan.FromSeconds(30));
        Assert.InRange(sessions, 1, 20);
        var latency = await prometheus.WaitForValueAsync("max(metaverse_session_latency_seconds)", v => v > 0, TimeSpan.FromSeconds(30));
        Assert.InRange(latency, 0.010, 0.080);
    }

    [Fact]
    public async Task Config_errors_name_the_file_line_and_field()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<ConfigException>(() => StartExporter(dir, """
            managers:
              - name: xr
                url: ftp://manager
                units:
                  latency: minutes
                fields:
                  session_id: ""
                max_sessions: -3
            """));
        Assert.Contains(ex.Errors, e => e.Field == "managers[0].url" && e.Line == 3);
        Assert.Contains(ex.Errors, e => e.Field == "managers[0].units.latency" && e.Line == 5);
        Assert.Contains(ex.Errors, e => e.Field == "managers[0].fields.session_id" && e.Line == 7);
        Assert.Contains(ex.Errors, e => e.Field == "managers[0].max_sessions" && e.Line == 8);
    }

    [Fact]
    public async Task Same_seed_and_clock_give_byte_identical_answers()
    {
        var clock = new ManualClock(Managers.Start);
        await using var a = await Managers.StartAsync(25, clock, seed: 3);
        await using var b = await Managers.StartAsync(25, clock, seed: 3);
        await using var c = await Managers.StartAsync(25, clock, seed: 4);
        foreach (var path in new[] { "api/v1/status", "api/v1/sessions" })
            Assert.Equal(await Http.Client.GetStringAsync(new Uri(a.BaseAddress, path)), await Http.Client.GetStringAsync(new Uri(b.BaseAddress, path)));
        Assert.NotEqual(await Http.Client.GetStringAsync(new Uri(a.BaseAddress, "api/v1/sessions")), await Http.Client.GetStringAsync(new Uri(c.BaseAddress, "api/v1/sessions")));
    }

    [Theory]
    [InlineData(new[] { "--latency-ms", "soon" }, "--latency-ms 'soon' is not an integer")]
    [InlineData(new[] { "--listen", "nowhere" }, "is not HOST:PORT")]
    public void Bad_simulator_arguments_are_refused_with_the_reason(string[] args, string reason)
    {
        Assert.False(MetaverseSimulatorArgs.TryParse(args, out _, out var error));
        Assert.Contains(reason, error);
    }
}
