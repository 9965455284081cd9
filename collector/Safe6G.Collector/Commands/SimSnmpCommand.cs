using System.CommandLine;
using Safe6G.Simulators.Snmp;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g sim snmp</c>: simulated Baicells gNBs, one UDP SNMP v1/v2c agent each (ports PORT, PORT+1, ...).</summary>
internal static class SimSnmpCommand
{
    public static Command Build()
    {
        var listen = CommonOptions.Listen(1161);
        var seed = new Option<int>("--seed") { Description = "seed for deterministic values", DefaultValueFactory = _ => 1 };
        var scale = new Option<int>("--scale") { Description = "number of gNBs (two cells each; gNB n listens on PORT+n)", DefaultValueFactory = _ => 1 };
        var community = new Option<string>("--community") { Description = "v1/v2c community accepted", DefaultValueFactory = _ => "public" };
        var command = new Command("snmp", "Baicells gNB SNMP agents (BAICELLS-MIB QRTB layout, IF-MIB, system) with values that move with time")
        {
            listen, seed, scale, community,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await SnmpAgentSimulator.RunAsync(new SnmpSimulatorOptions
                {
                    Listen = result.GetValue(listen)!,
                    Seed = result.GetValue(seed),
                    Scale = result.GetValue(scale),
                    Community = result.GetValue(community)!,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g sim snmp: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g sim snmp: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
