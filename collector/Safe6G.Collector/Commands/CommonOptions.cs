using System.CommandLine;

namespace Safe6G.Collector.Commands;

/// <summary>Options several subcommands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config(string what) => new("--config") { Description = $"YAML configuration file of the {what}" };

    public static Option<string> Listen(int defaultPort) => new("--listen")
    {
        Description = "host:port to listen on",
        DefaultValueFactory = _ => $"127.0.0.1:{defaultPort}",
    };
}
