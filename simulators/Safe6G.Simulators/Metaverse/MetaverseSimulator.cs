using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Metaverse;

/// <summary>A simulated Metaverse manager API (GET /api/v1/status and /api/v1/sessions). Entry points for <c>safe6g sim metaverse</c> and tests.</summary>
public static class MetaverseSimulator
{
    /// <summary>API base path.</summary>
    public const string Base = "/api/v1";

    /// <summary>Starts the simulator and returns once it listens.</summary>
    public static Task<RunningSimulator> StartAsync(MetaverseSimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartCoreAsync(options, logToConsole: false, cancellationToken);

    /// <summary>Runs until cancelled, printing the bound API base first; 0 on a clean stop.</summary>
    public static async Task<int> RunAsync(MetaverseSimulatorOptions options, CancellationToken cancellationToken)
    {
        await using var running = await StartCoreAsync(options, logToConsole: true, cancellationToken);
        await Console.Out.WriteLineAsync(
            $"metaverse simulator listening on {running.BaseAddress} (API base {new Uri(running.BaseAddress, "api/v1")}, seed {options.Seed}, session slots {options.Scale})");
        try { await Task.Delay(Timeout.Infinite, cancellationToken); }
        catch (OperationCanceledException) { }
        return 0;
    }

    private static Task<RunningSimulator> StartCoreAsync(MetaverseSimulatorOptions options, bool logToConsole, CancellationToken cancellationToken)
    {
        var invalid = options.Validate();
        if (invalid is not null) throw new ArgumentException(invalid, nameof(options));
        var world = new MetaverseWorld(options.Seed, options.Scale);
        var host = new SimulatorOptions
        {
            Listen = options.Listen,
            Seed = options.Seed,
            Scale = options.Scale,
            Faults = options.Faults,
            Clock = options.Clock,
            Auth = options.Auth,
            LogToConsole = logToConsole,
        };
        return SimulatorHost.StartAsync(host, app =>
        {
            app.MapGet(Base + "/status", (HttpContext c) => Json(c, w => world.WriteStatus(w, options.Clock.GetUtcNow())));
            app.MapGet(Base + "/sessions", (HttpContext c) => Json(c, w => world.WriteSessions(w, options.Clock.GetUtcNow())));
        }, cancellationToken);
    }

    private static async Task Json(HttpContext c, Action<Utf8JsonWriter> write)
    {
        c.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(c.Response.BodyWriter.AsStream());
        write(writer);
        await writer.FlushAsync(c.RequestAborted);
    }
}
