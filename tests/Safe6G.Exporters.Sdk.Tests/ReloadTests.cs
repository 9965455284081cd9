using System.Net;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ReloadTests
{
    private static int SeriesCount(string body) => body.Split('\n').Count(l => l.StartsWith("example_synthetic_", StringComparison.Ordinal));

    [Fact]
    public async Task A_bad_reload_keeps_the_old_config_serving_and_a_good_one_applies()
    {
        await using var host = await ExampleHost.StartAsync("series: 5\nscrape:\n  cache_ttl: 0s\n");
        Assert.Equal(5, SeriesCount(await Testing.Http.Client.GetStringAsync(host.Url("/metrics"))));

        await File.WriteAllTextAsync(host.ConfigFile, "series: 9\nscrape:\n  cache_ttl: 0s\n  bogus: 1\n");
        using (var bad = await Testing.Http.Client.PostAsync(host.Url("/-/reload"), null))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, bad.StatusCode);
            var message = await bad.Content.ReadAsStringAsync();
            Assert.Contains("example.yml:4:3", message);
            Assert.Contains("unknown field 'bogus'", message);
        }
        var afterBad = await Testing.Http.Client.GetStringAsync(host.Url("/metrics"));
        Assert.Equal(5, SeriesCount(afterBad));
        Assert.Contains("example_config_last_reload_successful 0", afterBad);

        await File.WriteAllTextAsync(host.ConfigFile, "series: 9\nscrape:\n  cache_ttl: 0s\n");
        using (var good = await Testing.Http.Client.PostAsync(host.Url("/-/reload"), null))
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var afterGood = await Testing.Http.Client.GetStringAsync(host.Url("/metrics"));
        Assert.Equal(9, SeriesCount(afterGood));
        Assert.Contains("example_config_last_reload_successful 1", afterGood);
    }
}
