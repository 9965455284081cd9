using Safe6G.Testing;

namespace Safe6G.EndToEnd.Tests;

/// <summary>The foundation's promise: a real Prometheus scrapes an SDK-based exporter started as `safe6g exporter example`.</summary>
public sealed class ExampleExporterWithPrometheusTests
{
    [Fact]
    public async Task Prometheus_scrapes_the_example_exporter_and_its_series_are_queryable()
    {
        using var dir = new TempDir("e2e");
        var config = dir.Write("example.yml", "series: 120\nfamilies: 4\nlabel_cardinality: 6\nchurn: 0.5\n");
        var (exporter, url) = await SafeCli.StartExporterAsync("example", config);
        using (exporter)
        {
            var address = new Uri(url).Authority;
            await using var prometheus = await PrometheusServer.StartAsync($"""
                - job_name: example
                  static_configs:
                    - targets: ['{address}']
                - job_name: example_probe
                  metrics_path: /probe
                  params:
                    target: ['gnb-a']
                  static_configs:
                    - targets: ['{address}']
                """);

            Assert.Equal(1, await prometheus.WaitForValueAsync("up{job=\"example\"}", v => v == 1, TimeSpan.FromSeconds(30)));
            Assert.Equal(1, await prometheus.WaitForValueAsync("example_up{job=\"example\",source=\"synthetic\"}", v => v == 1, TimeSpan.FromSeconds(30)));
            Assert.Equal(1, await prometheus.WaitForValueAsync("up{job=\"example_probe\"}", v => v == 1, TimeSpan.FromSeconds(30)));
            Assert.Equal(120, await prometheus.WaitForValueAsync("count({__name__=~\"example_synthetic_.*\",job=\"example\"})", v => v == 120, TimeSpan.FromSeconds(30)));
            Assert.Equal(6, await prometheus.WaitForValueAsync("count(count by (group) (example_synthetic_0_value{job=\"example\"}))", v => v == 6, TimeSpan.FromSeconds(30)));

            // Prometheus saw no scrape problems: the exposition parsed and the scrape stayed within the timeout.
            var targets = await prometheus.TargetsAsync();
            foreach (var target in targets.EnumerateArray())
                Assert.Equal("", target.GetProperty("lastError").GetString());
        }
    }

    [Fact]
    public async Task Promtool_finds_nothing_wrong_with_the_families_the_exporter_owns()
    {
        using var dir = new TempDir("e2e");
        var config = dir.Write("example.yml", "series: 40\nfamilies: 4\n");
        var (exporter, url) = await SafeCli.StartExporterAsync("example", config);
        using (exporter)
        {
            var body = await Http.Client.GetStringAsync($"{url}/metrics");
            var result = await Promtool.CheckMetricsAsync(Promtool.OnlyFamilies(body, "example_"));
            Assert.True(result.ExitCode == 0, $"promtool: {result.Output}");
            Assert.Contains("process_", body);
        }
    }

    [Fact]
    public async Task A_bad_config_exits_2_naming_file_line_and_field()
    {
        using var dir = new TempDir("e2e");
        var config = dir.Write("example.yml", "series: 1\nscrape:\n  timeout: soon\n");
        var (code, output) = await SafeCli.RunAsync("exporter", "example", "--config", config, "--listen", "127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains($"{config}:3:", output);
        Assert.Contains("scrape.timeout", output);
    }

    [Fact]
    public async Task Bad_usage_exits_2_with_the_reason()
    {
        var (usage, output) = await SafeCli.RunAsync("no-such-command");
        Assert.Equal(2, usage);
        Assert.Contains("no-such-command", output);
        var (listen, listenOutput) = await SafeCli.RunAsync("exporter", "example", "--listen", "not-an-address");
        Assert.Equal(2, listen);
        Assert.Contains("not-an-address", listenOutput);
    }

    [Fact]
    public async Task Sighup_reloads_the_configuration()
    {
        using var dir = new TempDir("e2e");
        var config = dir.Write("example.yml", "series: 3\nscrape:\n  cache_ttl: 0s\n");
        var (exporter, url) = await SafeCli.StartExporterAsync("example", config);
        using (exporter)
        {
            static int Count(string body) => body.Split('\n').Count(l => l.StartsWith("example_synthetic_", StringComparison.Ordinal));
            Assert.Equal(3, Count(await Http.Client.GetStringAsync($"{url}/metrics")));
            await File.WriteAllTextAsync(config, "series: 8\nscrape:\n  cache_ttl: 0s\n");
            exporter.Signal(1);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var count = 0;
            while (DateTime.UtcNow < deadline && (count = Count(await Http.Client.GetStringAsync($"{url}/metrics"))) != 8)
                await Task.Delay(100);
            Assert.Equal(8, count);
        }
    }
}
