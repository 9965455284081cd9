using System.Globalization;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Cnc;

/// <summary>
/// The seeded state of a simulated Cumucore core: slices, profiles, UPFs, subscribers and gNBs fixed at start;
/// attachment and traffic are functions of (seed, UE, time since start), so a restart resets the byte totals.
/// </summary>
public sealed class CncCore
{
    /// <summary>A slice: name, S-NSSAI, throughput limits in Mbit/s.</summary>
    public sealed record SliceDef(string Name, int Sst, string? Sd, int DlMbps, int UlMbps);

    /// <summary>A subscription profile.</summary>
    public sealed record ProfileDef(string Id, string Dnn, int FiveQi, int Arp, string AmbrUl, string AmbrDl);

    /// <summary>A subscriber with its fixed traffic parameters.</summary>
    public sealed record Ue(string Imsi, string Msisdn, SliceDef Slice, ProfileDef Profile, int Gnb, double RateBytesPerSecond, double Phase, double UplinkShare, bool Active);

    /// <summary>Slices every simulated core has (one SST-only, as the S-NSSAI allows).</summary>
    public static readonly IReadOnlyList<SliceDef> Slices =
    [
        new("embb-slice", 1, "000001", 1000, 200),
        new("urllc-slice", 2, "000002", 100, 100),
        new("miot-slice", 3, "000003", 10, 10),
        new("default-slice", 1, null, 500, 100),
    ];

    /// <summary>Subscription profiles.</summary>
    public static readonly IReadOnlyList<ProfileDef> Profiles =
    [
        new("internet-default", "internet", 9, 8, "200 Mbps", "1 Gbps"),
        new("urllc-low-latency", "urllc", 82, 1, "50 Mbps", "100 Mbps"),
        new("iot-basic", "iot", 7, 12, "1 Mbps", "2 Mbps"),
    ];

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    /// <summary>Builds the core for a seed and scale; <paramref name="startedAt"/> is time zero of every byte counter.</summary>
    public CncCore(int seed, int scale, DateTimeOffset startedAt)
    {
        Seed = seed;
        StartedAt = startedAt;
        GnbCount = Math.Clamp(scale / 50, 1, 64);
        var ues = new Ue[scale];
        for (var i = 0; i < scale; i++)
        {
            var imsi = "00101" + (i + 1).ToString("D10", CultureInfo.InvariantCulture);
            var slice = Deterministic.Pick(seed, imsi, Slices, 1);
            var profile = slice.Sst switch { 2 => Profiles[1], 3 => Profiles[2], _ => Profiles[0] };
            // 1 kB/s .. 2 MB/s average, log-uniform: a few heavy users, many light ones.
            var rate = Math.Pow(10, 3 + 3.3 * Deterministic.Unit(seed, imsi, 2));
            ues[i] = new Ue(imsi, "34600" + (i + 1).ToString("D7", CultureInfo.InvariantCulture), slice, profile, i % GnbCount, rate,
                Deterministic.Unit(seed, imsi, 3) * 2 * Math.PI, 0.1 + 0.3 * Deterministic.Unit(seed, imsi, 4), Deterministic.Unit(seed, imsi, 5) < 0.9);
        }
        Subscribers = ues;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Time zero of the byte counters (the simulator's start).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Number of gNBs.</summary>
    public int GnbCount { get; }

    /// <summary>All subscribers, in IMSI order.</summary>
    public IReadOnlyList<Ue> Subscribers { get; }

    /// <summary>UPFs and their DNNs.</summary>
    public static IReadOnlyList<(string Id, string[] Dnns)> Upfs { get; } = [("upf-central", ["internet", "ims"]), ("upf-edge", ["urllc", "iot"])];

    /// <summary>Bytes (uplink, downlink) the UE moved between <paramref name="from"/> and <paramref name="to"/>, clipped to [start, now].</summary>
    public (double Uplink, double Downlink) Usage(Ue ue, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (!ue.Active)
            return (0, 0);
        var a = Seconds(from < StartedAt ? StartedAt : from);
        var b = Seconds(to > now ? now : to);
        if (b <= a)
            return (0, 0);
        var total = Math.Floor(Cumulative(ue, b) - Cumulative(ue, a));
        var up = Math.Floor(total * ue.UplinkShare);
        return (up, total - up);
    }

    /// <summary>Whether the UE has a PDU session now (changes every minute).</summary>
    public bool Attached(Ue ue, DateTimeOffset now)
    {
        if (!ue.Active)
            return false;
        var minute = now.ToUnixTimeSeconds() / 60;
        var share = 0.6 + 0.3 * Deterministic.Wave(Seed, "attach", now, Period, TimeSpan.FromMinutes(1));
        return Deterministic.Unit(Seed, ue.Imsi, minute) < share;
    }

    /// <summary>gNB identity.</summary>
    public static (string Id, string Name) Gnb(int index) =>
        ("0x" + (index + 1).ToString("x6", CultureInfo.InvariantCulture), "gnb-" + (index + 1).ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>Whether a gNB's N2 link is up now (each is down about 5 % of the minutes).</summary>
    public bool GnbConnected(int index, DateTimeOffset now) =>
        Deterministic.Unit(Seed, Gnb(index).Id, now.ToUnixTimeSeconds() / 60) >= 0.05;

    // Whole seconds since start, so two requests in the same second agree byte for byte.
    private double Seconds(DateTimeOffset t) => Math.Floor((t - StartedAt).TotalSeconds);

    // Integral of rate·(1 + 0.8·sin(ωt + φ)): the rate never drops below 20 %, so the total only grows.
    private static double Cumulative(Ue ue, double t)
    {
        var omega = 2 * Math.PI / Period.TotalSeconds;
        return ue.RateBytesPerSecond * (t - 0.8 / omega * (Math.Cos(omega * t + ue.Phase) - Math.Cos(ue.Phase)));
    }
}
