using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Tests.Common;

public sealed class SimulatorHostTests
{
    [Fact]
    public async Task Port_zero_binds_a_real_port_and_routes_answer()
    {
        await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions(), app => app.MapGet("/hello", () => "hi"), CancellationToken.None);
        Assert.Equal("127.0.0.1", sim.BaseAddress.Host);
        Assert.NotEqual(0, sim.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };
        Assert.Equal("hi", await client.GetStringAsync("hello"));
    }

    [Fact]
    public async Task Disposal_releases_the_port()
    {
        var sim = await SimulatorHost.StartAsync(new SimulatorOptions(), app => app.MapGet("/", () => "x"), CancellationToken.None);
        var address = sim.BaseAddress;
        await sim.DisposeAsync();
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(address));
    }

    [Fact]
    public async Task Generic_injected_errors_are_json_when_no_writer_is_given()
    {
        var options = new SimulatorOptions { Faults = new FaultSettings { ErrorRate = 1 } };
        await using var sim = await SimulatorHost.StartAsync(options, app => app.MapGet("/", () => "x"), CancellationToken.None);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };
        using var response = await client.GetAsync("");
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("simulated fault", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:0", true, "http://127.0.0.1:0")]
    [InlineData("[::1]:9100", true, "http://[::1]:9100")]
    [InlineData("localhost:65535", true, "http://localhost:65535")]
    [InlineData("127.0.0.1", false, "")]
    [InlineData("127.0.0.1:70000", false, "")]
    [InlineData(":80", false, "")]
    public void Listen_addresses_parse(string text, bool ok, string url)
    {
        Assert.Equal(ok, ListenAddress.TryParse(text, out var parsed, out var error));
        Assert.Equal(url, parsed);
        Assert.Equal(ok, error is null);
    }

    [Fact]
    public void Deterministic_values_repeat_and_stay_in_range()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(Deterministic.Hash(1, "a"), Deterministic.Hash(1, "a"));
        Assert.NotEqual(Deterministic.Hash(1, "a"), Deterministic.Hash(2, "a"));
        for (var i = 0; i < 1000; i++)
        {
            var w = Deterministic.Wave(3, "k", t.AddSeconds(i * 7), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
            Assert.InRange(w, 0, 1);
            Assert.InRange(Deterministic.Between(3, "k", 2, 4, i), 2, 4);
        }
    }
}
