using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ExporterLintTests
{
    [Fact]
    public async Task Every_family_the_sdk_and_example_own_is_lint_clean_on_metrics_and_probe()
    {
        await using var host = await ExampleHost.StartAsync("series: 200\nfamilies: 4\nlabel_cardinality: 7\n");
        foreach (var path in new[] { "/metrics", "/probe?target=anything" })
        {
            var body = await Testing.Http.Client.GetStringAsync(host.Url(path));
            var own = Promtool.OnlyFamilies(body, "example_");
            Assert.Contains("example_up", own);
            Assert.Contains("example_scrape_duration_seconds", own);
            var result = await Promtool.CheckMetricsAsync(own);
            Assert.True(result.ExitCode == 0, $"{path}: promtool check metrics ({result.ExitCode}): {result.Output}");
        }
        // The whole /metrics body (runtime families included) must at least parse.
        var whole = await Promtool.CheckMetricsAsync(await Testing.Http.Client.GetStringAsync(host.Url("/metrics")));
        Assert.True(whole.ExitCode is 0 or 3, $"the full /metrics body does not parse: {whole.Output}");
    }
}
