using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Metaverse;

/// <summary>Options of <c>safe6g sim metaverse</c>: listen, seed, scale (sessions), tokens and the common fault switches.</summary>
public sealed record MetaverseSimulatorOptions
{
    /// <summary>Listen address HOST:PORT; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Seed of the generated sessions.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Session slots; rooms are scale/3 (at least 1).</summary>
    public int Scale { get; init; } = 6;

    /// <summary>Faults in force from the start.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock for moving values.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Bearer tokens; null = open.</summary>
    public AuthSettings? Auth { get; init; }

    /// <summary>Returns the reason the options are invalid, or null.</summary>
    public string? Validate()
    {
        if (!ListenAddress.TryParse(Listen, out _, out var listenError)) return listenError;
        if (Scale is < 0 or > 100_000) return "scale must be within 0..100000";
        return Faults.Validate();
    }
}
