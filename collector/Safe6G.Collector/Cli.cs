using System.CommandLine;
using Safe6G.Collector.Commands;

namespace Safe6G.Collector;

/// <summary>
/// The <c>safe6g</c> command tree (DESIGN.md §3). Like Thanos's cmd/, each subcommand lives in its own
/// file and only wires options to a library; exit codes are 0 ok, 2 bad usage or config, 1 runtime failure.
/// </summary>
public static class Cli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build() =>
    [
        ExporterCommand.Build(),
        SimCommand.Build(),
        GenerateCommand.Build(),
        DashboardsCommand.Build(),
        GatewayCommand.Build(),
        DatasetCommand.Build(),
        OrchestratorCommand.Build(),
        PortalCommand.Build(),
        MeshCommand.Build(),
        DemoCommand.Build(),
    ];

    /// <summary>How long a command may take to finish after Ctrl-C or SIGTERM before the process is ended.</summary>
    public static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(30);

    /// <summary>Parses and runs; parse errors exit 2 with the reason on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        root.Description = "Safe6G DataOps: exporters, deployment generator, gateway, orchestrator and portal for 5G/6G edge-cloud continuum testbeds.";
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                await Console.Error.WriteLineAsync($"safe6g: {error.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Run 'safe6g --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        // System.CommandLine ends the process 2 s after Ctrl-C/SIGTERM by default, which cut the demo off while it was
        // still stopping its children (and left some running) and can cut a server's graceful shutdown short.
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = ShutdownBudget }).ConfigureAwait(false);
    }
}
