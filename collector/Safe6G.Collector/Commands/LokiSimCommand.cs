using System.CommandLine;
using Safe6G.Simulators.Loki;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g sim loki</c>: a multi-tenant Loki API (push and read) with seeded demo lines.</summary>
internal static class LokiSimCommand
{
    public static Command Build()
    {
        var listen = CommonOptions.Listen(3100);
        var seed = new Option<int>("--seed") { Description = "seed for deterministic data", DefaultValueFactory = _ => 1 };
        var scale = new Option<int>("--scale") { Description = "demo lines per stream", DefaultValueFactory = _ => 20 };
        var tenants = new Option<string[]>("--tenant") { Description = "tenant (X-Scope-OrgID) to seed; repeatable", DefaultValueFactory = _ => ["upv", "ncsrd"] };
        var command = new Command("loki", "Loki HTTP API (push, query_range, labels, series), multi-tenant by X-Scope-OrgID") { listen, seed, scale, tenants };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await LokiSimulator.RunAsync(new LokiSimulatorOptions
                {
                    Listen = result.GetValue(listen)!,
                    Seed = result.GetValue(seed),
                    Scale = Math.Max(0, result.GetValue(scale)),
                    Tenants = result.GetValue(tenants)!,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g sim loki: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g sim loki: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
