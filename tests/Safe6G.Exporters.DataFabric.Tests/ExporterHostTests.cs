using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Simulators.Common;
using Safe6G.Testing;

namespace Safe6G.Exporters.DataFabric.Tests;

public sealed class ExporterHostTests
{
    private static async Task<ExporterHost<DataFabricConfig>> StartExporter(TempDir dir, string yaml, LogCapture? log = null) =>
        await ExporterHost<DataFabricConfig>.StartAsync(new DataFabricExporter(), new ExporterHostOptions
        {
            ConfigFile = dir.Write("datafabric.yml", yaml),
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
            LogSink = log,
        });

    /// <summary>How the failing broker breaks: NGSI-LD client errors (from a stub, the simulator only injects 5xx), a 500, a timeout, refused and dropped connections, a cut body.</summary>
    public static TheoryData<string, string> BrokerFaults => new()
    {
        { "400", "http_status" },
        { "404", "http_status" },
        { "406", "http_status" },
        { "500", "http_status" },
        { "timeout", "timeout" },
        { "refused", "connect" },
        { "dropped", "connect" },
        { "malformed", "malformed" },
    };

    private static async Task<(IAsyncDisposable? Server, string Url)> StartFaultyBroker(string fault)
    {
        switch (fault)
        {
            case "400" or "404" or "406":
                var stub = await StubBrokerServer.StartAsync((System.Net.HttpStatusCode)int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture),
                    _ => $$"""{"type":"https://uri.etsi.org/ngsi-ld/errors/BadRequestData","title":"stub says {{fault}}","detail":"no such query"}""");
                return (stub, stub.BaseAddress.ToString());
            case "refused":
                return (null, $"http://127.0.0.1:{FreePort.Tcp()}");
            default:
                var faults = fault switch
                {
                    "500" => new FaultSettings { ErrorRate = 1 },
                    "timeout" => new FaultSettings { LatencyMs = 5000 },
                    "dropped" => new FaultSettings { Down = true },
                    "malformed" => new FaultSettings { MalformedRate = 1 },
                    _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
                };
                var sim = await Brokers.StartAsync("ncsrd", 4, faults: faults);
                return (sim, sim.BaseAddress.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(BrokerFaults))]
    public async Task One_failing_broker_goes_down_alone_with_one_log_line_per_scrape_while_the_other_is_served(string fault, string reason)
    {
        await using var upv = await Brokers.StartAsync("upv", 6);
        var (server, ncsrdUrl) = await StartFaultyBroker(fault);
        await using var _ = server;
        // Only the timeout case is short: a cold first test in the process (JIT, two cores) can take over 1s to answer a plain 404.
        var timeout = fault == "timeout" ? "1s" : "5s";
        using var dir = new TempDir();
        var log = new LogCapture();
        await using var host = await StartExporter(dir, $"""
            brokers:
              - {"{"}name: upv, url: "{upv.BaseAddress}"{"}"}
              - {"{"}name: ncsrd, url: "{ncsrdUrl}", timeout: {timeout}{"}"}
            """, log);

        // The failure never costs upv its data.
        await FaultScrapes.AssertEachScrapeAsync(new Uri(host.BaseAddress, "metrics"), "datafabric", log, "upv", [("ncsrd", reason)], body =>
        {
            var ies = body.Split('\n').Where(l => l.StartsWith("datafabric_infrastructure_element_info{", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, ies.Count);
            Assert.All(ies, l => Assert.Contains("domain=\"upv\"", l));
        });
        if (fault is "400" or "404" or "406") // the status and the broker's problem details reach the log line
            Assert.All(log.WarningsAbout("ncsrd"), e =>
            {
                Assert.Contains($"broker answered {fault} ", LogCapture.Scalar(e, "error"));
                Assert.Contains($"stub says {fault}: no such query", LogCapture.Scalar(e, "error"));
            });
    }

    [Fact]
    public async Task Entities_with_wrong_types_or_missing_attributes_are_skipped_counted_and_logged_while_both_brokers_stay_up()
    {
        await using var upv = await Brokers.StartAsync("upv", 6);
        await using var ncsrd = await StubBrokerServer.StartAsync(System.Net.HttpStatusCode.OK, type => type switch
        {
            // Eight problems, five kinds: the source logs five examples per type and scrape, plus the first of every
            // kind, so the two kinds that come after four missing domains must still reach the log.
            "InfrastructureElement" => """
                [
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:good","type":"InfrastructureElement","domain":"urn:ngsi-ld:Domain:ncsrd","cpuCores":4},
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:typo","type":"InfrastructureElement","domain":"urn:ngsi-ld:Domain:ncsrd","cpuCores":"four","currentCpuUsage":{"value":true}},
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:nodomain1","type":"InfrastructureElement","cpuCores":2},
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:nodomain2","type":"InfrastructureElement","cpuCores":2},
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:nodomain3","type":"InfrastructureElement","cpuCores":2},
                  {"id":"urn:ngsi-ld:InfrastructureElement:ncsrd:nodomain4","type":"InfrastructureElement","cpuCores":2},
                  {"type":"InfrastructureElement","cpuCores":2},
                  42
                ]
                """,
            _ => "[]",
        });
        using var dir = new TempDir();
        var log = new LogCapture();
        await using var host = await StartExporter(dir, $"""
            brokers:
              - {"{"}name: upv, url: "{upv.BaseAddress}"{"}"}
              - {"{"}name: ncsrd, url: "{ncsrd.BaseAddress}"{"}"}
            """, log);
        var body = await Http.Client.GetStringAsync(new Uri(host.BaseAddress, "metrics"));

        Assert.Contains("datafabric_up{source=\"upv\"} 1", body);
        Assert.Contains("datafabric_up{source=\"ncsrd\"} 1", body);
        var ies = body.Split('\n').Where(l => l.StartsWith("datafabric_infrastructure_element_info{", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, ies.Count(l => l.Contains("domain=\"upv\"", StringComparison.Ordinal)));
        Assert.Equal(2, ies.Count(l => l.Contains("domain=\"ncsrd\"", StringComparison.Ordinal)));
        Assert.Contains("datafabric_entities_skipped{source=\"ncsrd\",type=\"InfrastructureElement\",reason=\"missing_domain\"} 4", body);
        foreach (var reason in new[] { "missing_id", "not_an_object" })
            Assert.Contains($"datafabric_entities_skipped{{source=\"ncsrd\",type=\"InfrastructureElement\",reason=\"{reason}\"}} 1", body);
        foreach (var attribute in new[] { "cpuCores", "currentCpuUsage" })
            Assert.Contains($"datafabric_attribute_errors{{source=\"ncsrd\",type=\"InfrastructureElement\",attribute=\"{attribute}\"}} 1", body);

        // Each counted reason has its own warning naming the broker, and none of them is a failed scrape.
        var warnings = log.WarningsAbout("ncsrd");
        Assert.All(warnings, e => Assert.Null(LogCapture.Scalar(e, "reason")));
        var lines = warnings.Select(e => e.RenderMessage()).ToList();
        Assert.All(lines, l => Assert.Contains("ncsrd", l));
        foreach (var expected in new[] { ": missing_id", ": not_an_object", "attribute cpuCores has the wrong type", "attribute currentCpuUsage has the wrong type" })
            Assert.True(lines.Count(l => l.Contains(expected, StringComparison.Ordinal)) == 1, $"'{expected}' not logged once: {string.Join(" | ", lines)}");
        // Five examples (two attributes, three of the four missing domains), then the first of each later kind.
        Assert.Equal(3, lines.Count(l => l.Contains(": missing_domain", StringComparison.Ordinal)));
        Assert.Equal(7, lines.Count);
        Assert.Empty(log.WarningsAbout("upv"));
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
