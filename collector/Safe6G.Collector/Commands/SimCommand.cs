using System.CommandLine;
using Safe6G.Simulators.Orion;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g sim &lt;orion|cnc|metaverse|snmp&gt;</c>: protocol-faithful simulators for tests and the demo.</summary>
internal static class SimCommand
{
    public static Command Build()
    {
        var command = new Command("sim", "Run a simulator of an upstream system (tests and the demo only, never production paths)");
        command.Add(Forwarding("orion", "Orion-LD NGSI-LD context broker with the aeriOS continuum model", OrionSimulatorArgs.Usage,
            async (args, ct) => OrionSimulatorArgs.TryParse(args, out var options, out var error)
                ? await OrionSimulator.RunAsync(options, ct).ConfigureAwait(false)
                : Usage("orion", error)));
        command.Add(Forwarding("cnc", "Cumucore CNC API (5G core)", Safe6G.Simulators.Cnc.CncSimulatorArgs.Usage,
            async (args, ct) => Safe6G.Simulators.Cnc.CncSimulatorArgs.TryParse(args, out var options, out var error)
                ? await Safe6G.Simulators.Cnc.CncSimulator.RunAsync(options, ct).ConfigureAwait(false)
                : Usage("cnc", error)));
        command.Add(Forwarding("metaverse", "Metaverse manager API", Safe6G.Simulators.Metaverse.MetaverseSimulatorArgs.Usage,
            async (args, ct) => Safe6G.Simulators.Metaverse.MetaverseSimulatorArgs.TryParse(args, out var options, out var error)
                ? await Safe6G.Simulators.Metaverse.MetaverseSimulator.RunAsync(options, ct).ConfigureAwait(false)
                : Usage("metaverse", error)));
        command.Add(LokiSimCommand.Build());
        command.Add(SimSnmpCommand.Build());
        return command;
    }

    /// <summary>
    /// A simulator whose own parser owns its options (they are many and shared with its tests): the CLI
    /// forwards every token after <c>sim NAME</c>.
    /// </summary>
    public static Command Forwarding(string name, string description, string usage, Func<IReadOnlyList<string>, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, $"{description}\n\n{usage}") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => run(result.UnmatchedTokens, ct));
        return command;
    }

    private static int Usage(string name, string? error)
    {
        Console.Error.WriteLine($"safe6g sim {name}: {error}");
        return ExitCodes.Usage;
    }
}
