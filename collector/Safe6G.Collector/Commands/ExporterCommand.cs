using System.CommandLine;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Example;
using Safe6G.Exporters.Sdk.Hosting;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g exporter &lt;name&gt;</c>: runs one exporter until Ctrl-C or SIGTERM.</summary>
internal static class ExporterCommand
{
    public static Command Build()
    {
        var command = new Command("exporter", "Run a Prometheus exporter (datafabric, cmc, metaverse, gnb, or the synthetic example)");
        command.Add(Exporter("example", 9400, new ExampleExporter()));
        command.Add(Exporter("datafabric", 9410, new DataFabricExporter()));
        command.Add(Exporter("cmc", 9411, new Safe6G.Exporters.CmcCore.CmcExporter()));
        command.Add(Exporter("metaverse", 9412, new Safe6G.Exporters.Metaverse.MetaverseExporter()));
        command.Add(Exporter("gnb", 9413, new Safe6G.Exporters.Gnb.GnbExporter()));
        return command;
    }

    /// <summary>A subcommand that hosts <paramref name="definition"/> with the SDK.</summary>
    public static Command Exporter<TConfig>(string name, int defaultPort, IExporterDefinition<TConfig> definition)
        where TConfig : ExporterConfig, new()
    {
        var config = CommonOptions.Config($"{name} exporter");
        var listen = CommonOptions.Listen(defaultPort);
        var webConfig = new Option<string?>("--web.config.file") { Description = "exporter-toolkit web config (TLS, mTLS, basic auth)" };
        var command = new Command(name, definition.Description) { config, listen, webConfig };
        command.SetAction(async (result, cancellationToken) =>
        {
            ExporterHost<TConfig> host;
            try
            {
                host = await ExporterHost<TConfig>.StartAsync(definition, new ExporterHostOptions
                {
                    ConfigFile = result.GetValue(config),
                    WebConfigFile = result.GetValue(webConfig),
                    Listen = result.GetValue(listen)!,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g exporter {name}: invalid configuration:{Environment.NewLine}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g exporter {name}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g exporter {name}: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            await using (host.ConfigureAwait(false))
            {
                try
                {
                    await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
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
