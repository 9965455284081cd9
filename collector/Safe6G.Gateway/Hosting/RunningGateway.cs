using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Safe6G.Gateway.Auth;

namespace Safe6G.Gateway.Hosting;

/// <summary>A started gateway: where it listens, its key source; dispose to stop.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable[] _owned;
    private readonly Serilog.Core.Logger _log;
    private int _disposed;

    internal RunningGateway(WebApplication app, Uri baseAddress, JwksSource keys, IDisposable[] owned, Serilog.Core.Logger log)
    {
        _app = app;
        BaseAddress = baseAddress;
        Keys = keys;
        _owned = owned;
        _log = log;
    }

    /// <summary>Bound URL, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key source (tests read its fetch count).</summary>
    public JwksSource Keys { get; }

    /// <summary>Completes when the host stops.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var d in _owned)
        {
            d.Dispose();
        }

        Keys.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }
}
