using System.CommandLine;
using Safe6G.Deploy;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g generate</c>: continuum description → per-domain and central configuration (thanos/README.md).</summary>
internal static class GenerateCommand
{
    public static Command Build()
    {
        var continuum = new Option<string>("--continuum") { Description = "continuum description (YAML, see thanos/examples/two-domains.yaml)", Required = true };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var command = new Command("generate", "Generate Prometheus, Thanos, Loki, Grafana, gateway and mesh configuration from a continuum file")
        {
            continuum, output,
        };
        command.SetAction(result =>
        {
            try
            {
                var generated = ContinuumGenerator.Generate(result.GetValue(continuum)!, result.GetValue(output)!);
                Console.WriteLine($"wrote {generated.Files.Count} files to {generated.OutDir}");
                Console.WriteLine(generated.Summary);
                return ExitCodes.Ok;
            }
            catch (ContinuumConfigException ex)
            {
                Console.Error.WriteLine($"safe6g generate: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"safe6g generate: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
