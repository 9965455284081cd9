using Safe6G.Testing;
using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion;

namespace Safe6G.Simulators.Tests.Orion;

/// <summary>Starts a simulator on 127.0.0.1:0 with a client pointed at it.</summary>
internal sealed class OrionFixture : IAsyncDisposable
{
    private OrionFixture(RunningSimulator sim)
    {
        Sim = sim;
        Client = new HttpClient { BaseAddress = sim.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public RunningSimulator Sim { get; }
    public HttpClient Client { get; }

    public static async Task<OrionFixture> StartAsync(OrionSimulatorOptions options)
        => new(await OrionSimulator.StartAsync(options with { Listen = "127.0.0.1:0" }));

    public static Task<OrionFixture> StartAsync(int scale = 5, int seed = 7, string domain = "alpha", TimeProvider? clock = null)
        => StartAsync(new OrionSimulatorOptions { Scale = scale, Seed = seed, Domain = domain, Clock = clock ?? new ManualClock(ManualClock.DefaultStart) });

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
    }
}
