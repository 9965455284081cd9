using System.Net;
using System.Net.Sockets;
using System.Globalization;

namespace Safe6G.Snmp;

/// <summary>
/// One agent and how to talk to it. Per-target settings left null fall back to
/// <see cref="SnmpClientOptions"/> (snmp_exporter sets these per module).
/// </summary>
public sealed record SnmpTarget(EndPoint EndPoint, SnmpCredentials Credentials)
{
    /// <summary>Timeout per attempt.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>Retries after the first attempt.</summary>
    public int? Retries { get; init; }
    /// <summary>GETBULK max-repetitions for walks.</summary>
    public int? MaxRepetitions { get; init; }
    /// <summary>Accept non-increasing OIDs in walks (net-snmp -Cc); loops are then cut by
    /// <see cref="SnmpClientOptions.MaxWalkVarBinds"/> and by a repeated-OID check.</summary>
    public bool? AllowNonIncreasingOids { get; init; }

    /// <summary>Resolves "host", "host:port", "[v6]:port" or "udp://host:port" (default port 161).</summary>
    public static async Task<EndPoint> ResolveAsync(string target, int defaultPort = 161, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var t = target.Trim();
        if (t.StartsWith("udp://", StringComparison.OrdinalIgnoreCase)) t = t[6..];
        string host = t;
        int port = defaultPort;
        if (t.StartsWith('['))
        {
            int close = t.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new FormatException($"bad target '{target}'");
            host = t[1..close];
            if (close + 1 < t.Length)
            {
                if (t[close + 1] != ':') throw new FormatException($"bad target '{target}'");
                port = ParsePort(t[(close + 2)..], target);
            }
        }
        else if (t.Count(c => c == ':') == 1)
        {
            int colon = t.IndexOf(':', StringComparison.Ordinal);
            host = t[..colon];
            port = ParsePort(t[(colon + 1)..], target);
        }
        if (host.Length == 0) throw new FormatException($"bad target '{target}'");
        if (IPAddress.TryParse(host, out var ip)) return new IPEndPoint(ip, port);
        IPAddress[] addrs;
        try
        {
            addrs = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new SnmpException($"cannot resolve '{host}': {e.SocketErrorCode}", e);
        }
        var pick = addrs.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addrs.FirstOrDefault()
            ?? throw new SnmpException($"cannot resolve '{host}'");
        return new IPEndPoint(pick, port);
    }

    private static int ParsePort(string s, string target) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536
            ? p : throw new FormatException($"bad port in target '{target}'");

    public override string ToString() => $"{EndPoint} ({Credentials})";
}

/// <summary>Client-wide defaults and limits.</summary>
public sealed class SnmpClientOptions
{
    /// <summary>Timeout per attempt (default 2 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Retries after the first attempt (default 2 → 3 packets at most).</summary>
    public int Retries { get; set; } = 2;
    /// <summary>GETBULK max-repetitions for walks (default 25, as snmp_exporter).</summary>
    public int MaxRepetitions { get; set; } = 25;
    /// <summary>Most OIDs in one GET; longer lists are split (default 60, as gosnmp).</summary>
    public int MaxOidsPerRequest { get; set; } = 60;
    /// <summary>Operations (get/walk calls) in flight at once across all targets; each holds one UDP socket.</summary>
    public int MaxConcurrentOperations { get; set; } = 512;
    /// <summary>Default for <see cref="SnmpTarget.AllowNonIncreasingOids"/>.</summary>
    public bool AllowNonIncreasingOids { get; set; }
    /// <summary>A walk stops with an error after this many varbinds (guards against endless agents).</summary>
    public int MaxWalkVarBinds { get; set; } = 1_000_000;
    /// <summary>When a walk finds nothing under the root, GET the root itself (as net-snmp's snmpwalk).</summary>
    public bool WalkGetsRootWhenEmpty { get; set; } = true;
    /// <summary>Use an unconnected socket and accept answers from any source address (multi-homed agents).</summary>
    public bool UseUnconnectedSocket { get; set; }
    /// <summary>msgMaxSize advertised in SNMPv3 (and receive buffer size).</summary>
    public int MaxMessageSize { get; set; } = 65507;
}

/// <summary>Counters for one or more operations (the snmp_exporter per-probe numbers). Thread-safe.</summary>
public sealed class SnmpStats
{
    private long _sent, _retried, _received, _varbinds, _stray;
    /// <summary>Packets sent, including retries and v3 discovery.</summary>
    public long PacketsSent => Interlocked.Read(ref _sent);
    /// <summary>Packets sent again after a timeout.</summary>
    public long PacketsRetried => Interlocked.Read(ref _retried);
    /// <summary>Responses accepted.</summary>
    public long ResponsesReceived => Interlocked.Read(ref _received);
    /// <summary>Varbinds returned to the caller.</summary>
    public long VarBindsReturned => Interlocked.Read(ref _varbinds);
    /// <summary>Datagrams ignored (wrong request-id, undecodable, failed authentication).</summary>
    public long StrayPackets => Interlocked.Read(ref _stray);

    internal void Sent(bool retry)
    {
        Interlocked.Increment(ref _sent);
        if (retry) Interlocked.Increment(ref _retried);
    }
    internal void Received() => Interlocked.Increment(ref _received);
    internal void Returned(int n) => Interlocked.Add(ref _varbinds, n);
    internal void Stray() => Interlocked.Increment(ref _stray);
}
