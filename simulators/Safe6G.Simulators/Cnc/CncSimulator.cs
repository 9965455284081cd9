using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Cnc;

/// <summary>A simulated Cumucore CNC API (read side) with a seeded core. Entry points for <c>safe6g sim cnc</c> and tests.</summary>
public static class CncSimulator
{
    /// <summary>Starts the simulator and returns once it listens; dispose the result to stop it.</summary>
    public static Task<RunningSimulator> StartAsync(CncSimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartCoreAsync(options, logToConsole: false, cancellationToken);

    /// <summary>Runs until cancelled, printing the bound API base first; 0 on a clean stop.</summary>
    public static async Task<int> RunAsync(CncSimulatorOptions options, CancellationToken cancellationToken)
    {
        await using var running = await StartCoreAsync(options, logToConsole: true, cancellationToken);
        await Console.Out.WriteLineAsync(
            $"cnc simulator listening on {running.BaseAddress} (API base {new Uri(running.BaseAddress, "api/v1.0")}, seed {options.Seed}, subscribers {options.Scale})");
        try { await Task.Delay(Timeout.Infinite, cancellationToken); }
        catch (OperationCanceledException) { }
        return 0;
    }

    private static Task<RunningSimulator> StartCoreAsync(CncSimulatorOptions options, bool logToConsole, CancellationToken cancellationToken)
    {
        var invalid = options.Validate();
        if (invalid is not null) throw new ArgumentException(invalid, nameof(options));
        var core = new CncCore(options.Seed, options.Scale, options.Clock.GetUtcNow());
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
        return SimulatorHost.StartAsync(host, app => new CncApi(core, options.Clock).Map(app), cancellationToken);
    }
}
