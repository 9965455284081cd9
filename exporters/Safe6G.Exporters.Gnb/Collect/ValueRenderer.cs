using System.Globalization;
using System.Text;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Collect;

/// <summary>
/// Reads a varbind value as a number or as label text, with snmp_exporter's rules (<c>getPduValue</c>,
/// <c>pduValueAsString</c>): numbers print as decimals, OIDs without the leading dot, octets per the
/// requested type (DisplayString text, OctetString <c>0xHEX</c>, PhysAddress48 <c>AA:BB:…</c>).
/// </summary>
internal static class ValueRenderer
{
    /// <summary>The value as a float64; false for strings, OIDs, NULL and exception values.</summary>
    public static bool TryNumber(SnmpValue value, bool wrapLargeCounters, out double number)
    {
        if (value.Type is SnmpType.Counter64 or SnmpType.OpaqueCounter64)
        {
            var raw = value.AsUInt64();
            number = wrapLargeCounters ? raw % (1UL << 53) : raw;
            return true;
        }
        if (value.TryGetDouble(out number))
            return true;
        // Some agents send numbers as text (DisplayString gauges); read them rather than drop the sample.
        if (value.Type == SnmpType.OctetString &&
            double.TryParse(value.AsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            return true;
        number = 0;
        return false;
    }

    /// <summary>The value as label text for <paramref name="kind"/>.</summary>
    public static string Text(SnmpValue value, SnmpValueType kind)
    {
        var ci = CultureInfo.InvariantCulture;
        switch (value.Type)
        {
            case SnmpType.Integer:
            case SnmpType.OpaqueInt64:
                return value.AsInt64().ToString(ci);
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
            case SnmpType.UInteger32:
            case SnmpType.Counter64:
            case SnmpType.OpaqueCounter64:
            case SnmpType.OpaqueUInt64:
                return value.AsUInt64().ToString(ci);
            case SnmpType.OpaqueFloat:
            case SnmpType.OpaqueDouble:
                return value.AsDouble().ToString("R", ci);
            case SnmpType.ObjectIdentifier:
                return value.AsOid().ToString().TrimStart('.');
            case SnmpType.IpAddress:
                return value.AsIpAddress().ToString();
            case SnmpType.OctetString:
            case SnmpType.Opaque:
            case SnmpType.NsapAddress:
                return Octets(value.AsBytes().Span, kind);
            default:
                return "";
        }
    }

    /// <summary>An enum state number from a float64 sample value.</summary>
    public static long State(double number) => number is >= long.MinValue and <= long.MaxValue ? (long)number : 0;

    private static string Octets(ReadOnlySpan<byte> bytes, SnmpValueType kind)
    {
        switch (kind)
        {
            case SnmpValueType.DisplayString:
                return Encoding.UTF8.GetString(bytes);
            case SnmpValueType.PhysAddress48:
            {
                Span<byte> mac = stackalloc byte[6];
                bytes[..Math.Min(6, bytes.Length)].CopyTo(mac);
                return string.Join(':', mac.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
            }
            case SnmpValueType.InetAddressIPv4:
            {
                Span<byte> ip = stackalloc byte[4];
                bytes[..Math.Min(4, bytes.Length)].CopyTo(ip);
                return $"{ip[0]}.{ip[1]}.{ip[2]}.{ip[3]}";
            }
            default:
                return bytes.IsEmpty ? "" : "0x" + Convert.ToHexString(bytes);
        }
    }
}
