using Safe6G.Simulators.Cnc;

namespace Safe6G.Simulators.Metaverse;

/// <summary>Command-line parsing for <c>safe6g sim metaverse</c>.</summary>
public static class MetaverseSimulatorArgs
{
    /// <summary>Help text.</summary>
    public const string Usage = "safe6g sim metaverse [options]   (Metaverse manager API under /api/v1)\n"
        + "  --scale N              session slots (default 6); rooms = scale/3\n" + BasicSimulatorArgs.Usage;

    /// <summary>Parses arguments; false with a reason when they are wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out MetaverseSimulatorOptions options, out string? error)
    {
        var ok = BasicSimulatorArgs.TryParse(args, defaultScale: 6, out var basic, out error);
        options = new MetaverseSimulatorOptions { Listen = basic.Listen, Seed = basic.Seed, Scale = basic.Scale, Faults = basic.Faults, Auth = basic.Auth };
        if (ok)
            error = options.Validate();
        return error is null;
    }
}
