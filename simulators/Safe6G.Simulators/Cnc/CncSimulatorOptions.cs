using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Cnc;

/// <summary>
/// Options of <c>safe6g sim cnc</c>: <c>--listen</c>, <c>--seed</c>, <c>--scale</c> (subscribers/UEs), <c>--token</c>,
/// and the common fault switches (<c>--latency-ms</c>, <c>--error-rate</c>, <c>--error-status</c>, <c>--malformed-rate</c>,
/// <c>--down</c>, <c>--flap-seconds</c>).
/// </summary>
public sealed record CncSimulatorOptions
{
    /// <summary>Listen address HOST:PORT; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Seed of the generated core; same seed and scale → same subscribers, slices and traffic curves.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Provisioned subscribers (UEs); gNBs are scale/50 (1..64).</summary>
    public int Scale { get; init; } = 10;

    /// <summary>Faults in force from the start.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock for moving values; tests pass a fixed or stepped one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Bearer tokens (the CNC itself needs none; this imitates a gateway in front of it). Null = open.</summary>
    public AuthSettings? Auth { get; init; }

    /// <summary>Returns the reason the options are invalid, or null.</summary>
    public string? Validate()
    {
        if (!ListenAddress.TryParse(Listen, out _, out var listenError)) return listenError;
        if (Scale is < 0 or > 1_000_000) return "scale must be within 0..1000000";
        return Faults.Validate();
    }
}
