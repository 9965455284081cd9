using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Cnc;

/// <summary>
/// The options the CNC and Metaverse simulators share (listen, seed, scale, static tokens, fault switches),
/// parsed once for both.
/// </summary>
public sealed record BasicSimulatorArgs(string Listen, int Seed, int Scale, FaultSettings Faults, AuthSettings? Auth)
{
    /// <summary>Usage lines of the shared options.</summary>
    public const string Usage = """
          --listen HOST:PORT     listen address (default 127.0.0.1:0 = free port; the bound URL is printed)
          --seed N               seed of the generated data (default 1)
          --token T              require Authorization: Bearer T (repeatable)
          --latency-ms N         fault: extra latency per request
          --error-rate R         fault: share 0..1 of requests answered with --error-status
          --error-status 500|503 fault: status of injected errors (default 500)
          --malformed-rate R     fault: share 0..1 of responses with a truncated JSON body
          --down                 fault: abort every connection (admin /_sim endpoints stay up)
          --flap-seconds N       fault: alternate N s up, N s down
        Faults can be changed at runtime: POST /_sim/faults {"latencyMs":0,"errorRate":0,"errorStatus":500,"malformedRate":0,"down":false,"flapSeconds":0}
        """;

    /// <summary>Parses the shared options; false with a reason (exit code 2) on anything else or a bad value.</summary>
    public static bool TryParse(IReadOnlyList<string> args, int defaultScale, out BasicSimulatorArgs parsed, out string? error)
    {
        var listen = "127.0.0.1:0";
        int seed = 1, scale = defaultScale;
        var faults = FaultSettings.None;
        var tokens = new List<string>();
        error = SimulatorArgText.ParseOptions(args, (name, next) =>
        {
            switch (name)
            {
                case "--listen": listen = next(); break;
                case "--seed": seed = Int(name, next()); break;
                case "--scale": scale = Int(name, next()); break;
                case "--token": tokens.Add(next()); break;
                default: return SimulatorArgText.TryApplyFault(name, next, ref faults);
            }
            return true;
        });
        error ??= faults.Validate() ?? (ListenAddress.TryParse(listen, out _, out var listenError) ? null : listenError);
        parsed = new BasicSimulatorArgs(listen, seed, scale, faults, tokens.Count > 0 ? new AuthSettings { StaticTokens = tokens } : null);
        return error is null;
    }

    private static int Int(string name, string text) => SimulatorArgText.Int(name, text);
}
