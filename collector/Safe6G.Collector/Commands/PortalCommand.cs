using System.CommandLine;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Portal.Hosting;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g portal</c>: the management web UI (continuum, deployments, service form, DataOps health).</summary>
internal static class PortalCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config("portal");
        var listen = CommonOptions.Listen(9482);
        var command = new Command("portal", "Management portal: continuum, deployments, service form, DataOps health") { config, listen };
        command.SetAction(async (result, cancellationToken) =>
        {
            RunningPortal portal;
            try
            {
                portal = await PortalHost.StartAsync(result.GetValue(config), result.GetValue(listen)!, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g portal: invalid configuration:{Environment.NewLine}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g portal: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (InvalidDataException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g portal: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g portal: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using (portal.ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync($"portal listening on {portal.BaseAddress}").ConfigureAwait(false);
                try
                {
                    await portal.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: a clean stop.
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
