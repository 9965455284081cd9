using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Safe6G.Simulators.Common;

/// <summary>A started simulator: its bound address, its live fault switches; dispose to stop it.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal RunningSimulator(WebApplication app, Uri baseAddress, FaultSwitches faults)
    {
        _app = app;
        BaseAddress = baseAddress;
        Faults = faults;
    }

    /// <summary>The URL actually bound (with the real port when 0 was asked), ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The fault switches; the same object POST /_sim/faults changes.</summary>
    public FaultSwitches Faults { get; }

    /// <summary>Completes when the host stops (by disposal or by the token given to StartAsync).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops Kestrel and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
