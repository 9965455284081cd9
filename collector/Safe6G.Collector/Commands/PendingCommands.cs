using System.CommandLine;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g demo</c>: the whole product on a simulated two-domain continuum.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run everything on a simulated two-domain continuum")
        {
            new Option<string?>("--dir") { Description = "working folder (default .demo)" },
        };
        CommonOptions.NotImplemented(command, "issue 10");
        return command;
    }
}
