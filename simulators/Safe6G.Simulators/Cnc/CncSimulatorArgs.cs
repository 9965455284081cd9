namespace Safe6G.Simulators.Cnc;

/// <summary>Command-line parsing for <c>safe6g sim cnc</c>.</summary>
public static class CncSimulatorArgs
{
    /// <summary>Help text.</summary>
    public const string Usage = "safe6g sim cnc [options]   (Cumucore CNC API under /api/v1.0)\n"
        + "  --scale N              provisioned subscribers/UEs (default 10); gNBs = scale/50 (1..64)\n" + BasicSimulatorArgs.Usage;

    /// <summary>Parses arguments; false with a reason when they are wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CncSimulatorOptions options, out string? error)
    {
        var ok = BasicSimulatorArgs.TryParse(args, defaultScale: 10, out var basic, out error);
        options = new CncSimulatorOptions { Listen = basic.Listen, Seed = basic.Seed, Scale = basic.Scale, Faults = basic.Faults, Auth = basic.Auth };
        if (ok)
            error = options.Validate();
        return error is null;
    }
}
