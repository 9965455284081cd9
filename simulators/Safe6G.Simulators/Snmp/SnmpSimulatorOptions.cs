namespace Safe6G.Simulators.Snmp;

/// <summary>Options of <c>safe6g sim snmp</c>: where the agents listen, how many gNBs, the seed of their values.</summary>
public sealed record SnmpSimulatorOptions
{
    /// <summary>HOST:PORT of the first agent; gNB n listens on PORT+n (port 0: every agent gets a free port).</summary>
    public string Listen { get; init; } = "127.0.0.1:1161";

    /// <summary>Seed of all values; the same seed and clock give the same answers.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of simulated gNBs (one UDP agent each, two cells each).</summary>
    public int Scale { get; init; } = 1;

    /// <summary>The v1/v2c community the agents accept (others are ignored, like snmpd does).</summary>
    public string Community { get; init; } = "public";

    /// <summary>Clock for moving values; tests pass a fixed one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A reason the options are unusable, or null.</summary>
    public string? Validate()
    {
        if (Scale is < 1 or > 10_000) return $"--scale must be between 1 and 10000, not {Scale}";
        if (string.IsNullOrEmpty(Community)) return "community must not be empty";
        if (!TryParseListen(Listen, out _, out var port, out var error)) return error;
        if (port != 0 && port + Scale - 1 > 65535) return $"ports {port}..{port + Scale - 1} do not fit below 65536";
        return null;
    }

    internal static bool TryParseListen(string text, out System.Net.IPAddress address, out int port, out string? error)
    {
        address = System.Net.IPAddress.Loopback;
        port = 0;
        error = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            error = $"listen address '{text}' is not HOST:PORT";
            return false;
        }
        var host = text[..colon].Trim('[', ']');
        if (host == "localhost") host = "127.0.0.1";
        if (!System.Net.IPAddress.TryParse(host, out address!))
        {
            error = $"listen host '{host}' is not an IP address";
            return false;
        }
        return true;
    }
}
