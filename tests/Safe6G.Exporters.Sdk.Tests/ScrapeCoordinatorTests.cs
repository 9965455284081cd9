using System.Diagnostics;
using NSubstitute;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Scraping;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ScrapeCoordinatorTests
{
    private static SelfMetrics Metrics() => new("t", "test");

    private static MetricSnapshot OneSeries(double value)
    {
        var snapshot = new MetricSnapshot();
        snapshot.Gauge("t_value", "v").Add(value);
        return snapshot;
    }

    [Fact]
    public async Task Fifty_concurrent_scrapes_of_one_probe_target_make_exactly_one_upstream_fetch_over_http()
    {
        await using var host = await ExampleHost.StartAsync("series: 10\nupstream_delay: 300ms\nscrape:\n  cache_ttl: 0s\n");
        var url = host.Url("/probe?target=gnb-1");
        var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Testing.Http.Client.GetStringAsync(url)));
        Assert.Equal(1, host.Definition.CurrentSource!.Fetches);
        Assert.All(bodies, b => Assert.Contains("example_up 1", b));
        var metrics = await Testing.Http.Client.GetStringAsync(host.Url("/metrics"));
        Assert.Contains("example_scrape_cache_hits_total{source=\"probe\"} 49", metrics);
    }

    [Fact]
    public async Task Different_targets_are_fetched_separately()
    {
        var source = Substitute.For<IScrapeSource>();
        source.CollectAsync(Arg.Any<ScrapeTarget>(), Arg.Any<CancellationToken>()).Returns(_ => Task.FromResult(OneSeries(1)));
        var coordinator = new ScrapeCoordinator(source, new ScrapeSettings { CacheTtl = TimeSpan.FromMinutes(1) }, Metrics());
        await coordinator.ScrapeAsync(new ScrapeTarget("a"), TimeSpan.FromSeconds(5), default);
        await coordinator.ScrapeAsync(new ScrapeTarget("b"), TimeSpan.FromSeconds(5), default);
        await coordinator.ScrapeAsync(new ScrapeTarget("a"), TimeSpan.FromSeconds(5), default);
        await source.Received(2).CollectAsync(Arg.Any<ScrapeTarget>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_slow_upstream_gives_up_zero_within_the_deadline_instead_of_hanging()
    {
        await using var host = await ExampleHost.StartAsync("series: 10\nupstream_delay: 30s\nscrape:\n  cache_ttl: 0s\n");
        // Warm up (JIT of the whole scrape path) with a first timed-out scrape; the measured one is the second.
        using (var warmup = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics")))
        {
            warmup.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", "1.5");
            (await Testing.Http.Client.SendAsync(warmup)).Dispose();
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics"));
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", "1.5");
        var watch = Stopwatch.StartNew();
        using var response = await Testing.Http.Client.SendAsync(request);
        watch.Stop();
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("example_up{source=\"synthetic\"} 0", body);
        // Answered before Prometheus's own 1.5 s timeout (the budget is 1.0 s), far from the 30 s upstream.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
        // Both finished fetches counted their timeout (the next scrape's own fetch may be counting a third).
        using var after = new HttpRequestMessage(HttpMethod.Get, host.Url("/metrics"));
        after.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", "1.5");
        using var afterResponse = await Testing.Http.Client.SendAsync(after);
        Assert.Matches(@"example_upstream_errors_total\{source=""synthetic"",reason=""timeout""\} [23]\n", await afterResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Failures_are_not_cached_and_successes_are_cached_for_the_ttl()
    {
        var calls = 0;
        var source = Substitute.For<IScrapeSource>();
        source.CollectAsync(Arg.Any<ScrapeTarget>(), Arg.Any<CancellationToken>()).Returns(_ =>
            ++calls == 1 ? Task.FromException<MetricSnapshot>(new UpstreamException("http_status", "503")) : Task.FromResult(OneSeries(calls)));
        var coordinator = new ScrapeCoordinator(source, new ScrapeSettings { CacheTtl = TimeSpan.FromMinutes(1) }, Metrics());
        var target = new ScrapeTarget("a");

        var first = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), default);
        var second = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), default);
        var third = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), default);

        Assert.False(first.Success);
        Assert.Equal("http_status", first.ErrorReason);
        Assert.True(second.Success);
        Assert.False(second.FromCache);
        Assert.True(third.FromCache);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Upstream_concurrency_is_bounded()
    {
        var running = 0;
        var peak = 0;
        var source = Substitute.For<IScrapeSource>();
        source.CollectAsync(Arg.Any<ScrapeTarget>(), Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref running);
            return OneSeries(1);
        });
        var coordinator = new ScrapeCoordinator(source, new ScrapeSettings { MaxConcurrency = 3, CacheTtl = TimeSpan.Zero }, Metrics());
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            coordinator.ScrapeAsync(new ScrapeTarget($"t{i}"), TimeSpan.FromSeconds(10), default)));
        Assert.All(outcomes, o => Assert.True(o.Success));
        Assert.Equal(3, peak);
    }

    [Fact]
    public void Deadline_follows_the_prometheus_header_minus_the_offset()
    {
        var timeout = TimeSpan.FromSeconds(10);
        var offset = TimeSpan.FromMilliseconds(500);
        Assert.Equal(TimeSpan.FromSeconds(4.5), ScrapeDeadline.Compute("5", timeout, offset));
        Assert.Equal(TimeSpan.FromSeconds(10), ScrapeDeadline.Compute("30", timeout, offset));
        Assert.Equal(TimeSpan.FromSeconds(10), ScrapeDeadline.Compute(null, timeout, offset));
        Assert.Equal(TimeSpan.FromSeconds(10), ScrapeDeadline.Compute("garbage", timeout, offset));
        Assert.Equal(TimeSpan.FromSeconds(0.4), ScrapeDeadline.Compute("0.8", timeout, offset));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
