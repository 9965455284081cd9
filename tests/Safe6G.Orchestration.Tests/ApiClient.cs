using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Hosting;
using Safe6G.Orchestration.Lifecycle;

namespace Safe6G.Orchestration.Tests;

/// <summary>An orchestrator on a free port with a fixed continuum, and HTTP helpers for its API.</summary>
internal sealed class ApiClient : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private ApiClient(OrchestratorHost host) => Host = host;

    public OrchestratorHost Host { get; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<ApiClient> StartAsync(IContinuumReader? reader, Action<OrchestratorConfig>? configure = null)
    {
        var config = new OrchestratorConfig { GrpcListen = "127.0.0.1:0", OverloadCheckInterval = TimeSpan.Zero };
        configure?.Invoke(config);
        return new ApiClient(await OrchestratorHost.StartAsync(config, "127.0.0.1:0", reader));
    }

    public Uri Url(string path) => new(Host.BaseAddress, path);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? yaml = null)
    {
        var request = new HttpRequestMessage(method, Url(path));
        if (yaml is not null)
            request.Content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        return Http.SendAsync(request);
    }

    public async Task<ServiceSnapshot> GetAsync(string id)
    {
        var response = await Http.GetAsync(Url($"/hlo_fe/services/{id}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ServiceSnapshot>(Json))!;
    }

    /// <summary>Waits for the queued work, then reads the service.</summary>
    public async Task<ServiceSnapshot> SettledAsync(string id)
    {
        await Host.Orchestrator.WhenIdleAsync();
        return await GetAsync(id);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
