using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Orion;

/// <summary>Command-line parsing for <c>safe6g sim orion</c>, so the CLI only forwards its arguments.</summary>
public static class OrionSimulatorArgs
{
    /// <summary>Help text listing every option.</summary>
    public const string Usage = """
        safe6g sim orion [options]
          --listen HOST:PORT     listen address (default 127.0.0.1:0 = free port; the bound URL is printed)
          --seed N               seed of the generated continuum (default 1)
          --scale N              InfrastructureElements in this domain (default 5); services = scale/10
          --domain NAME          domain name: urn:ngsi-ld:Domain:NAME (default domain01)
          --peer URL             federated peer broker (repeatable): queries without local=true span the peers
          --tenant NAME          extra seeded tenant, selected with NGSILD-Tenant (repeatable)
          --no-multiservice      refuse tenant headers (Orion-LD started without -multiservice)
          --sdm-quirks           a third of the IEs use Smart Data Models style (plain-string enums, float percentages)
          --page-size N          default limit (Orion-LD -pageSize, default 20, max 1000)
          --token T              require Authorization: Bearer T (repeatable)
          --client ID:SECRET     OAuth2 client for POST /realms/{realm}/protocol/openid-connect/token (repeatable)
          --token-lifetime-seconds N  lifetime of minted tokens (default 300)
          --latency-ms N         fault: extra latency per request
          --error-rate R         fault: share 0..1 of requests answered with --error-status
          --error-status 500|503 fault: status of injected errors (default 500)
          --malformed-rate R     fault: share 0..1 of responses with a truncated JSON body
          --down                 fault: abort every connection (admin /_sim endpoints stay up)
          --flap-seconds N       fault: alternate N s up, N s down
        Faults can be changed at runtime: POST /_sim/faults {"latencyMs":0,"errorRate":0,"errorStatus":500,"malformedRate":0,"down":false,"flapSeconds":0}
        """;

    /// <summary>Parses arguments; false with a reason (for exit code 2) when they are wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out OrionSimulatorOptions options, out string? error)
    {
        var parsed = new OrionSimulatorOptions();
        var faults = FaultSettings.None;
        var peers = new List<Uri>();
        var tenants = new List<string>();
        var tokens = new List<string>();
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        var lifetime = TimeSpan.FromMinutes(5);
        error = SimulatorArgText.ParseOptions(args, (name, next) =>
        {
            switch (name)
            {
                case "--listen": parsed = parsed with { Listen = next() }; break;
                case "--seed": parsed = parsed with { Seed = Int(name, next()) }; break;
                case "--scale": parsed = parsed with { Scale = Int(name, next()) }; break;
                case "--domain": parsed = parsed with { Domain = next() }; break;
                case "--peer":
                    var text = next();
                    if (!Uri.TryCreate(text, UriKind.Absolute, out var peer)) throw new FormatException($"--peer '{text}' is not a URL");
                    peers.Add(peer);
                    break;
                case "--tenant": tenants.Add(next()); break;
                case "--token": tokens.Add(next()); break;
                case "--client":
                    var pair = next();
                    var colon = pair.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0) throw new FormatException($"--client '{pair}' is not ID:SECRET");
                    clients[pair[..colon]] = pair[(colon + 1)..];
                    break;
                case "--token-lifetime-seconds": lifetime = TimeSpan.FromSeconds(Int(name, next())); break;
                case "--sdm-quirks": parsed = parsed with { SdmQuirks = true }; break;
                case "--no-multiservice": parsed = parsed with { MultiService = false }; break;
                case "--page-size": parsed = parsed with { DefaultPageSize = Int(name, next()) }; break;
                default: return SimulatorArgText.TryApplyFault(name, next, ref faults);
            }
            return true;
        });
        var auth = new AuthSettings { StaticTokens = tokens, Clients = clients, TokenLifetime = lifetime };
        options = parsed with { Faults = faults, Peers = peers, Tenants = tenants, Auth = auth.Enabled ? auth : null };
        error ??= options.Validate();
        return error is null;
    }

    private static int Int(string name, string text) => SimulatorArgText.Int(name, text);
}
