using System.Net;

namespace Safe6G.Simulators.Snmp;

/// <summary>
/// <c>safe6g sim snmp</c>: <see cref="SnmpSimulatorOptions.Scale"/> simulated Baicells gNBs (two cells each), one
/// UDP SNMP v1/v2c agent per gNB. Entry points for the CLI (<see cref="RunAsync"/>) and tests (<see cref="StartAsync"/>).
/// </summary>
public static class SnmpAgentSimulator
{
    /// <summary>Binds all agents and returns once they answer; dispose the result to stop them.</summary>
    public static Task<RunningSnmpSimulator> StartAsync(SnmpSimulatorOptions options)
    {
        var invalid = options.Validate();
        if (invalid is not null)
            throw new ArgumentException(invalid);
        if (!SnmpSimulatorOptions.TryParseListen(options.Listen, out var address, out var port, out var error))
            throw new ArgumentException(error);
        var started = options.Clock.GetUtcNow();
        var agents = new List<SnmpAgent>(options.Scale);
        try
        {
            for (var i = 0; i < options.Scale; i++)
            {
                var mib = new GnbMib(options.Seed, i, started);
                agents.Add(new SnmpAgent(new IPEndPoint(address, port == 0 ? 0 : port + i), mib, options.Community, options.Clock));
            }
        }
        catch
        {
            foreach (var agent in agents)
                agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return Task.FromResult(new RunningSnmpSimulator(agents));
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, after printing one line per agent.
    /// Throws <see cref="ArgumentException"/> for invalid options (exit code 2 for the CLI).
    /// </summary>
    public static async Task<int> RunAsync(SnmpSimulatorOptions options, CancellationToken cancellationToken)
    {
        await using var running = await StartAsync(options).ConfigureAwait(false);
        foreach (var agent in running.Agents)
            await Console.Out.WriteLineAsync($"snmp simulator {agent.Mib.Name} listening on udp://{agent.EndPoint} (v1/v2c community '{options.Community}', seed {options.Seed}, {agent.Mib.Count} objects)").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}

/// <summary>Started SNMP agents; dispose to stop them and free their ports.</summary>
public sealed class RunningSnmpSimulator : IAsyncDisposable
{
    internal RunningSnmpSimulator(IReadOnlyList<SnmpAgent> agents) => Agents = agents;

    /// <summary>One agent per simulated gNB, in gNB order.</summary>
    public IReadOnlyList<SnmpAgent> Agents { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var agent in Agents)
            await agent.DisposeAsync().ConfigureAwait(false);
    }
}
