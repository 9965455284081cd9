using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Common;

/// <summary>What every simulator needs to start: where to listen, how to seed its data, which faults to inject.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Listen address as HOST:PORT (IPv6 as [::1]:PORT); port 0 picks a free port. Default 127.0.0.1:0.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>Seed of all generated data and of the fault dice; the same seed gives the same data.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Size knob of the generated data; each simulator documents what it scales.</summary>
    public int Scale { get; init; } = 5;

    /// <summary>Faults in force from the start; change them later with POST /_sim/faults.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Clock used for values that move over time; tests pass a fixed one for reproducible output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>When true, warnings and errors (e.g. handler exceptions) are logged to the console; tests leave it off.</summary>
    public bool LogToConsole { get; init; }

    /// <summary>Bearer-token protection (static tokens, client-credentials clients); null leaves the simulator open.</summary>
    public AuthSettings? Auth { get; init; }

    /// <summary>Writes the body of an injected 500/503; null writes a short JSON error.</summary>
    public Func<HttpContext, int, Task>? WriteInjectedError { get; init; }
}
