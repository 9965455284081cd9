using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using Safe6G.Gateway.Auth;

namespace Safe6G.Portal.Hosting;

/// <summary>A started portal: its address, and stopping it.</summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Logger _log;
    private readonly HttpClient[] _http;
    private readonly JwksSource? _jwks;

    internal RunningPortal(WebApplication app, Uri baseAddress, Logger log, HttpClient[] http, JwksSource? jwks)
    {
        _app = app;
        BaseAddress = baseAddress;
        _log = log;
        _http = http;
        _jwks = jwks;
    }

    /// <summary>Where the portal listens, e.g. http://127.0.0.1:9482/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Completes when the host stops (Ctrl-C or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var client in _http)
            client.Dispose();
        _jwks?.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }
}
