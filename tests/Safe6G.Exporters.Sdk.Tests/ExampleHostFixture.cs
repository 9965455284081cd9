using Safe6G.Exporters.Sdk.Example;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Testing;

namespace Safe6G.Exporters.Sdk.Tests;

/// <summary>Starts the example exporter in-process on a free port with a given YAML config.</summary>
internal sealed class ExampleHost : IAsyncDisposable
{
    private readonly TempDir _dir = new("example");

    private ExampleHost()
    {
    }

    public ExporterHost<ExampleConfig> Host { get; private set; } = null!;

    public ExampleExporter Definition { get; } = new();

    public string ConfigFile { get; private set; } = "";

    public TempDir Dir => _dir;

    public Uri Url(string path) => new(Host.BaseAddress, path.TrimStart('/'));

    public static async Task<ExampleHost> StartAsync(string yaml, string? webConfigYaml = null, Func<TempDir, string>? webConfig = null)
    {
        var host = new ExampleHost();
        host.ConfigFile = host._dir.Write("example.yml", yaml);
        string? web = webConfig?.Invoke(host._dir) ?? (webConfigYaml is null ? null : host._dir.Write("web.yml", webConfigYaml));
        host.Host = await ExporterHost<ExampleConfig>.StartAsync(host.Definition, new ExporterHostOptions
        {
            ConfigFile = host.ConfigFile,
            WebConfigFile = web,
            Listen = "127.0.0.1:0",
            Environment = new Dictionary<string, string>(),
        });
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
