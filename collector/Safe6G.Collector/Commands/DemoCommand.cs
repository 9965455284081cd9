using System.CommandLine;
using Safe6G.Collector.Demo;
using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g demo</c>: the whole product on a simulated two-domain continuum.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var dir = new Option<string?>("--dir") { Description = "working folder for configs, data and logs (default .demo)" };
        var runFor = new Option<string?>("--for") { Description = "stop by itself after this long (e.g. 90s); default: until Ctrl-C" };
        var command = new Command("demo", "Run everything on a simulated two-domain continuum; Ctrl-C stops it all") { dir, runFor };
        command.SetAction(async (result, ct) =>
        {
            TimeSpan? duration = null;
            if (result.GetValue(runFor) is { } text)
            {
                if (!PrometheusDuration.TryParse(text, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"safe6g demo: --for: not a duration: {text}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                duration = parsed;
            }
            var folder = result.GetValue(dir) ?? ".demo";
            using var runner = new DemoRunner(folder, duration, Console.Out);
            return await runner.RunAsync(ct).ConfigureAwait(false);
        });
        return command;
    }
}
