using System.Collections;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>How to start an exporter host: its files, its address and (for tests) its environment.</summary>
public sealed record ExporterHostOptions
{
    /// <summary>The exporter's YAML config; null runs with defaults.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>exporter-toolkit web config (TLS, basic auth); null is plain HTTP.</summary>
    public string? WebConfigFile { get; init; }

    /// <summary><c>host:port</c> to listen on; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Environment for overrides; null reads the process environment.</summary>
    public IDictionary? Environment { get; init; }

    /// <summary>An extra log sink (tests observe logs through it).</summary>
    public Serilog.Core.ILogEventSink? LogSink { get; init; }
}
