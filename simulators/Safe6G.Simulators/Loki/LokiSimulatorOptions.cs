using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Loki;

/// <summary>Options of the Loki simulator: where to listen, which tenants to seed and how many lines.</summary>
public sealed record LokiSimulatorOptions
{
    /// <summary>HOST:PORT; port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Seed of the demo lines.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Demo lines per stream.</summary>
    public int Scale { get; init; } = 20;

    /// <summary>Tenants (X-Scope-OrgID) to seed with demo streams; each gets streams labelled domain=&lt;tenant&gt;.</summary>
    public IReadOnlyList<string> Tenants { get; init; } = ["upv", "ncsrd"];

    /// <summary>Faults in force from the start.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock of the seeded timestamps (the last line is at "now").</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
