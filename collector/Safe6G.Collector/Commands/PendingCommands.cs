using System.CommandLine;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g orchestrator</c>: HLO-style service API and allocator.</summary>
internal static class OrchestratorCommand
{
    public static Command Build()
    {
        var command = new Command("orchestrator", "HLO-style service API with a metric-driven, explainable allocator")
        {
            CommonOptions.Config("orchestrator"), CommonOptions.Listen(9481),
        };
        CommonOptions.NotImplemented(command, "issue 9");
        return command;
    }
}

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
