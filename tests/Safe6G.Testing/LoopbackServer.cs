using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safe6G.Testing;

/// <summary>
/// A throwaway HTTP server on 127.0.0.1 and a free port, for the upstreams a test fakes (a broker's error answers, a
/// Loki push API, canned Prometheus answers, synthetic scrape targets). Dispose to stop it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address with the real port, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application, for its services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server with the routes <paramref name="routes"/> maps and the services <paramref name="services"/> adds.</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> routes, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        var app = builder.Build();
        routes(app);
        await app.StartAsync().ConfigureAwait(false);
        return new LoopbackServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
