using System.Net;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ProbeEndpointTests
{
    [Fact]
    public async Task Probe_without_target_is_a_400_that_says_so()
    {
        await using var host = await ExampleHost.StartAsync("series: 1\n");
        using var response = await Testing.Http.Client.GetAsync(host.Url("/probe"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'target' parameter must be specified", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Landing_page_health_readiness_and_reload_method()
    {
        await using var host = await ExampleHost.StartAsync("series: 1\nsources: [upv-broker]\n");
        var landing = await Testing.Http.Client.GetStringAsync(host.Url("/"));
        Assert.Contains("<form action=\"probe\"", landing);
        Assert.Contains("upv-broker", landing);
        Assert.Equal("Healthy.\n", await Testing.Http.Client.GetStringAsync(host.Url("/-/healthy")));
        Assert.Equal("Ready.\n", await Testing.Http.Client.GetStringAsync(host.Url("/-/ready")));
        using var get = await Testing.Http.Client.GetAsync(host.Url("/-/reload"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Drop_families_leaves_whole_families_out_but_never_up()
    {
        await using var host = await ExampleHost.StartAsync("series: 40\nfamilies: 4\nscrape:\n  drop_families: ['example_synthetic_[01]_.*', 'example_up']\n");
        var body = await Testing.Http.Client.GetStringAsync(host.Url("/metrics"));
        Assert.DoesNotContain("example_synthetic_0_", body);
        Assert.DoesNotContain("example_synthetic_1_", body);
        Assert.Contains("example_synthetic_2_value", body);
        Assert.Contains("example_synthetic_3_events_total", body);
        // Anchored: a pattern matches whole names only, and the SDK's own series are not the source's to drop.
        Assert.Contains("example_up{source=\"synthetic\"} 1", body);
    }

    [Fact]
    public async Task Failed_source_reports_up_zero_and_counts_the_error_reason()
    {
        await using var host = await ExampleHost.StartAsync("series: 1\nerror_rate: 1\n");
        var body = await Testing.Http.Client.GetStringAsync(host.Url("/metrics"));
        Assert.Contains("example_up{source=\"synthetic\"} 0", body);
        Assert.Contains("example_upstream_errors_total{source=\"synthetic\",reason=\"synthetic\"} 1", body);
        Assert.DoesNotContain("example_synthetic_0_value", body);
    }
}
