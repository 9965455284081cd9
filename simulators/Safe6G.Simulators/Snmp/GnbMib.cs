using System.Text;
using Safe6G.Simulators.Common;
using Safe6G.Snmp;

namespace Safe6G.Simulators.Snmp;

/// <summary>
/// The objects one simulated Baicells gNB serves, in OID order: BAICELLS-MIB (QRTB 2.9.10 layout, two cells),
/// SNMPv2-MIB system, IF-MIB (two interfaces) and UCD memory. Values are functions of (seed, gNB, time), so
/// the same seed and clock always give the same answers; counters only grow.
/// </summary>
public sealed class GnbMib
{
    private const string B = "1.3.6.1.4.1.53058";
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    private readonly (Oid Oid, Func<DateTimeOffset, SnmpValue> Value)[] _objects;
    private readonly int _seed;
    private readonly DateTimeOffset _started;

    /// <summary>Builds gNB number <paramref name="index"/> (0-based) of a simulator with <paramref name="seed"/>.</summary>
    public GnbMib(int seed, int index, DateTimeOffset started)
    {
        _seed = seed;
        _started = started;
        Index = index;
        Name = $"gnb-{index + 1:000}";
        var list = new List<(Oid, Func<DateTimeOffset, SnmpValue>)>();
        Build(list);
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        _objects = [.. list];
    }

    /// <summary>0-based gNB number.</summary>
    public int Index { get; }

    /// <summary>lteENodebName and sysName of this gNB.</summary>
    public string Name { get; }

    /// <summary>Number of objects served.</summary>
    public int Count => _objects.Length;

    /// <summary>The value of exactly <paramref name="oid"/>, or null.</summary>
    public SnmpValue? Get(Oid oid, DateTimeOffset now)
    {
        var i = Find(oid);
        return i >= 0 ? _objects[i].Value(now) : null;
    }

    /// <summary>The first object after <paramref name="oid"/>, or null at the end of the MIB view.</summary>
    public VarBind? Next(Oid oid, DateTimeOffset now)
    {
        var i = Find(oid);
        i = i >= 0 ? i + 1 : ~i;
        return i < _objects.Length ? new VarBind(_objects[i].Oid, _objects[i].Value(now)) : null;
    }

    /// <summary>True when some object lies under <paramref name="prefix"/> (it would sort first at or after it).</summary>
    public bool HasUnder(Oid prefix)
    {
        var i = Find(prefix);
        i = i >= 0 ? i : ~i;
        return i < _objects.Length && _objects[i].Oid.StartsWith(prefix);
    }

    private int Find(Oid oid)
    {
        int lo = 0, hi = _objects.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _objects[mid].Oid.CompareTo(oid);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    private string Key(string what) => $"gnb{Index}/{what}";

    // 0..1, moving smoothly with time; each (gNB, object) has its own phase.
    private double Wave(string what, DateTimeOffset now) => Deterministic.Wave(_seed, Key(what), now, Period, Step);

    // A cell is off now and then: 1 chance in 20 per 5-minute slot.
    private bool CellUp(int cell, DateTimeOffset now) =>
        Deterministic.Unit(_seed, Key($"rf{cell}"), now.ToUnixTimeSeconds() / 300) >= 0.05;

    // A counter that only grows: the integral of a rate that depends on the seed (bytes or packets per second).
    private ulong Counter(string what, DateTimeOffset now, double maxRate)
    {
        var rate = maxRate * (0.2 + 0.8 * Deterministic.Unit(_seed, Key(what)));
        var seconds = Math.Max(0, (now - DateTimeOffset.UnixEpoch).TotalSeconds - 1_700_000_000);
        return (ulong)(rate * seconds);
    }

    private void Build(List<(Oid, Func<DateTimeOffset, SnmpValue>)> o)
    {
        void Add(string oid, Func<DateTimeOffset, SnmpValue> value) => o.Add((Oid.Parse(oid), value));
        SnmpValue Text(string s) => SnmpValue.OctetString(Encoding.UTF8.GetBytes(s));
        var sn = $"1202000811{Deterministic.Between(_seed, Key("sn"), 100000000, 999999999)}";

        Add($"{B}.100.1.0", _ => Text("mBS31001"));
        Add($"{B}.100.2.0", _ => Text("A01"));
        Add($"{B}.100.3.0", _ => Text("BaiBS_QRTB_2.9.10"));
        Add($"{B}.100.4.0", _ => Text(sn));
        Add($"{B}.100.5.0", now => Text(CellUp(1, now) || CellUp(2, now) ? "Active" : "Inactive"));
        Add($"{B}.100.6.0", _ => SnmpValue.Integer(48));
        Add($"{B}.100.7.0", _ => SnmpValue.Integer(100));
        Add($"{B}.100.15.0", _ => SnmpValue.Integer(1 + Index));
        Add($"{B}.100.21.0", _ => SnmpValue.Integer(1));
        Add($"{B}.140.100.6.0", _ => SnmpValue.Integer(20));
        Add($"{B}.140.100.7.0", _ => Text(Name));
        Add($"{B}.150.1.0", now => SnmpValue.Integer((int)Math.Round(10 + 70 * Wave("cpu0", now))));
        Add($"{B}.150.2.0", now => SnmpValue.Integer((int)Math.Round(10 + 70 * Wave("cpu1", now))));
        Add($"{B}.160.1.0", now => SnmpValue.Integer((CellUp(1, now) ? 0 : 1) + (CellUp(2, now) ? 0 : 1)));
        Add($"{B}.160.2.11112.0", _ => SnmpValue.Integer(0));
        Add($"{B}.160.2.11184.0", now => SnmpValue.Integer(CellUp(1, now) && CellUp(2, now) ? 0 : 1));
        Add($"{B}.190.3.0", now => SnmpValue.Integer((int)Math.Round(95 + 5 * Wave("erab", now))));
        Add($"{B}.190.4.0", now => SnmpValue.Integer((int)Math.Round(90 + 10 * Wave("hos1", now))));
        Add($"{B}.190.5.0", now => SnmpValue.Integer((int)Math.Round(90 + 10 * Wave("hox2", now))));
        Add($"{B}.190.6.0", now => SnmpValue.Integer((int)Math.Round(97 + 3 * Wave("rrc", now))));
        for (var cell = 1; cell <= 2; cell++)
        {
            var c = cell;
            Add($"{B}.100.8.{c}.0", _ => SnmpValue.Integer(55640 + 200 * (c - 1)));
            Add($"{B}.100.11.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? (int)Math.Round(64 * Wave($"ues{c}", now)) : 0));
            Add($"{B}.100.12.{c}.0", _ => SnmpValue.Integer(100 + 2 * Index + c));
            Add($"{B}.100.13.{c}.0", _ => SnmpValue.Integer(1000 * (Index + 1) + c));
            Add($"{B}.190.7.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? (int)Math.Round(20000 * Wave($"ulprb{c}", now)) : 0));
            Add($"{B}.190.8.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? (int)Math.Round(65000 * Wave($"dlprb{c}", now)) : 0));
            Add($"{B}.190.9.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? (int)Math.Round(100 * Wave($"ulprb{c}", now)) : 0));
            Add($"{B}.190.10.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? (int)Math.Round(100 * Wave($"dlprb{c}", now)) : 0));
            Add($"{B}.270.1.{c}.0", now => SnmpValue.Integer(CellUp(c, now) ? 1 : 0));
        }

        const string sys = "1.3.6.1.2.1.1";
        Add($"{sys}.1.0", _ => Text($"Baicells Nova gNB {Name} (Safe6G simulator)"));
        Add($"{sys}.2.0", _ => SnmpValue.ObjectIdentifier(Oid.Parse(B)));
        Add($"{sys}.3.0", now => SnmpValue.TimeTicks((uint)Math.Max(0, (now - _started).TotalMilliseconds / 10)));
        Add($"{sys}.4.0", _ => Text("noc@example.org"));
        Add($"{sys}.5.0", _ => Text(Name));
        Add($"{sys}.6.0", _ => Text($"Site {Index / 10 + 1}"));
        Add("1.3.6.1.4.1.2021.4.5.0", _ => SnmpValue.Integer(4_000_000));
        Add("1.3.6.1.4.1.2021.4.6.0", now => SnmpValue.Integer((int)(1_000_000 + 2_000_000 * Wave("mem", now))));

        const string ifTable = "1.3.6.1.2.1.2.2.1";
        const string ifX = "1.3.6.1.2.1.31.1.1.1";
        Add("1.3.6.1.2.1.2.1.0", _ => SnmpValue.Integer(2));
        foreach (var (i, name, alias, mbps) in new[] { (1, "eth0", "S1/NG backhaul", 1000u), (2, "eth1", "OAM", 100u) })
        {
            var n = i;
            Add($"{ifTable}.1.{n}", _ => SnmpValue.Integer(n));
            Add($"{ifTable}.2.{n}", _ => Text(name));
            Add($"{ifTable}.3.{n}", _ => SnmpValue.Integer(6));
            Add($"{ifTable}.4.{n}", _ => SnmpValue.Integer(1500));
            Add($"{ifTable}.5.{n}", _ => SnmpValue.Gauge32(mbps * 1_000_000));
            Add($"{ifTable}.7.{n}", _ => SnmpValue.Integer(1));
            Add($"{ifTable}.8.{n}", _ => SnmpValue.Integer(1));
            Add($"{ifTable}.13.{n}", now => SnmpValue.Counter32((uint)(Counter($"indisc{n}", now, 0.01) & 0xFFFFFFFF)));
            Add($"{ifTable}.14.{n}", now => SnmpValue.Counter32((uint)(Counter($"inerr{n}", now, 0.01) & 0xFFFFFFFF)));
            Add($"{ifTable}.19.{n}", now => SnmpValue.Counter32((uint)(Counter($"outdisc{n}", now, 0.01) & 0xFFFFFFFF)));
            Add($"{ifTable}.20.{n}", now => SnmpValue.Counter32((uint)(Counter($"outerr{n}", now, 0.01) & 0xFFFFFFFF)));
            Add($"{ifX}.1.{n}", _ => Text(name));
            Add($"{ifX}.6.{n}", now => SnmpValue.Counter64(Counter($"inoct{n}", now, mbps * 20_000.0)));
            Add($"{ifX}.7.{n}", now => SnmpValue.Counter64(Counter($"inpkt{n}", now, mbps * 20.0)));
            Add($"{ifX}.10.{n}", now => SnmpValue.Counter64(Counter($"outoct{n}", now, mbps * 30_000.0)));
            Add($"{ifX}.11.{n}", now => SnmpValue.Counter64(Counter($"outpkt{n}", now, mbps * 25.0)));
            Add($"{ifX}.15.{n}", _ => SnmpValue.Gauge32(mbps));
            Add($"{ifX}.18.{n}", _ => Text(alias));
        }
    }
}
