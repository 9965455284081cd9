using System.Globalization;
using System.Text;
using Safe6G.Exporters.Gnb.Config;

namespace Safe6G.Exporters.Gnb.Collect;

/// <summary>
/// Turns the OID arcs after a metric's OID into label values, one index at a time, exactly as
/// snmp_exporter's <c>indexOidsAsString</c>: missing arcs read as 0, strings are length-prefixed unless
/// fixed-size or implied. Also returns the arcs each index consumed, which lookups append to their OID.
/// </summary>
internal static class IndexDecoder
{
    public static string Decode(ref ReadOnlySpan<uint> arcs, IndexConfig index, out uint[] consumed)
    {
        switch (index.Kind)
        {
            case SnmpValueType.Gauge:
                consumed = Take(ref arcs, 1);
                return consumed[0].ToString(CultureInfo.InvariantCulture);
            case SnmpValueType.EnumAsInfo:
                consumed = Take(ref arcs, 1);
                return index.EnumValues.TryGetValue(consumed[0], out var name) ? name : consumed[0].ToString(CultureInfo.InvariantCulture);
            case SnmpValueType.PhysAddress48:
                consumed = Take(ref arcs, 6);
                return string.Join(':', consumed.Select(a => ((byte)a).ToString("X2", CultureInfo.InvariantCulture)));
            case SnmpValueType.InetAddressIPv4:
                consumed = Take(ref arcs, 4);
                return string.Join('.', consumed.Select(a => a.ToString(CultureInfo.InvariantCulture)));
            case SnmpValueType.DisplayString:
            case SnmpValueType.OctetString:
            {
                uint[] prefix = [];
                int length;
                if (index.FixedSize > 0)
                {
                    length = index.FixedSize;
                }
                else if (index.Implied)
                {
                    length = arcs.Length;
                }
                else
                {
                    prefix = Take(ref arcs, 1);
                    // A hostile agent could claim a huge length: the OID itself bounds what can be read.
                    length = (int)Math.Min(prefix[0], (uint)Math.Max(arcs.Length, 0) + 128u);
                }
                var content = Take(ref arcs, length);
                consumed = [.. prefix, .. content];
                var bytes = content.Select(a => (byte)a).ToArray();
                if (bytes.Length == 0)
                    return "";
                return index.Kind == SnmpValueType.DisplayString ? Encoding.UTF8.GetString(bytes) : "0x" + Convert.ToHexString(bytes);
            }
            default:
                throw new InvalidOperationException($"index type {index.Kind} cannot be decoded");
        }
    }

    // snmp_exporter's splitOid: take n arcs, padding with zeros when the OID is shorter.
    private static uint[] Take(ref ReadOnlySpan<uint> arcs, int count)
    {
        var head = new uint[count];
        var n = Math.Min(count, arcs.Length);
        arcs[..n].CopyTo(head);
        arcs = arcs[n..];
        return head;
    }
}
