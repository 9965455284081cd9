using System.Buffers.Binary;

namespace Safe6G.Snmp.Ber;

/// <summary>
/// Strict, allocation-bounded BER reader over a span (X.690 as restricted by RFC 3417 §8):
/// single-octet tags, definite lengths only (short form or 0x81..0x84 long form), every length
/// checked against the bytes left. Anything else raises <see cref="SnmpDecodeException"/>; no
/// other exception type escapes. Allocation is bounded by the input size (OID arcs ≤ 128,
/// octet strings ≤ their encoded length).
/// </summary>
public ref struct BerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base; // offset of _data inside the original buffer (for error messages)
    private int _pos;

    public BerReader(ReadOnlySpan<byte> data) : this(data, 0) { }

    private BerReader(ReadOnlySpan<byte> data, int baseOffset)
    {
        _data = data;
        _base = baseOffset;
        _pos = 0;
    }

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>True when all bytes are consumed.</summary>
    public readonly bool IsEnd => _pos >= _data.Length;

    /// <summary>Absolute offset (from the start of the outermost buffer) of the next byte.</summary>
    public readonly int Offset => _base + _pos;

    /// <summary>The next tag without consuming it.</summary>
    public readonly byte PeekTag()
    {
        if (_pos >= _data.Length) throw Error("unexpected end of data (expected a tag)");
        return _data[_pos];
    }

    /// <summary>Reads one TLV; returns its tag and content, and the absolute offset of the content.</summary>
    public ReadOnlySpan<byte> ReadTlv(out byte tag, out int contentOffset)
    {
        if (_pos >= _data.Length) throw Error("unexpected end of data (expected a tag)");
        tag = _data[_pos];
        if ((tag & 0x1F) == 0x1F) throw Error($"multi-octet tag 0x{tag:X2} is not used by SNMP");
        _pos++;
        int len = ReadLength();
        contentOffset = _base + _pos;
        var content = _data.Slice(_pos, len);
        _pos += len;
        return content;
    }

    /// <summary>Reads one TLV and checks its tag.</summary>
    public ReadOnlySpan<byte> ReadTlv(byte expectedTag, string what)
    {
        int at = Offset;
        var content = ReadTlv(out var tag, out _);
        if (tag != expectedTag) throw Error($"{what}: expected tag 0x{expectedTag:X2}, got 0x{tag:X2}", at);
        return content;
    }

    /// <summary>Enters a constructed element (SEQUENCE or a PDU): returns a reader over its content.</summary>
    public BerReader ReadConstructed(byte expectedTag, string what)
    {
        int at = Offset;
        var content = ReadTlv(out var tag, out int contentOffset);
        if (tag != expectedTag) throw Error($"{what}: expected tag 0x{expectedTag:X2}, got 0x{tag:X2}", at);
        return new BerReader(content, contentOffset);
    }

    /// <summary>Enters a constructed element whatever its tag (returned).</summary>
    public BerReader ReadConstructed(out byte tag)
    {
        var content = ReadTlv(out tag, out int contentOffset);
        return new BerReader(content, contentOffset);
    }

    /// <summary>Skips one TLV.</summary>
    public void Skip() => ReadTlv(out _, out _);

    /// <summary>INTEGER that must fit Int32 (request-id, error-status, version, …).</summary>
    public int ReadInt32(string what)
    {
        int at = Offset;
        long v = DecodeSigned(ReadTlv(BerTag.Integer, what), what, at);
        if (v is < int.MinValue or > int.MaxValue) throw Error($"{what}: {v} does not fit Int32", at);
        return (int)v;
    }

    /// <summary>OCTET STRING content.</summary>
    public ReadOnlySpan<byte> ReadOctetString(string what) => ReadTlv(BerTag.OctetString, what);

    /// <summary>OBJECT IDENTIFIER.</summary>
    public Oid ReadOid(string what)
    {
        int at = Offset;
        return DecodeOid(ReadTlv(BerTag.ObjectIdentifier, what), at);
    }

    /// <summary>Throws unless everything was consumed (no trailing bytes in a container).</summary>
    public readonly void ExpectEnd(string what)
    {
        if (!IsEnd) throw Error($"{what}: {Remaining} unexpected trailing byte(s)");
    }

    private int ReadLength()
    {
        if (_pos >= _data.Length) throw Error("unexpected end of data (expected a length)");
        int first = _data[_pos++];
        int len;
        if (first < 0x80)
        {
            len = first;
        }
        else
        {
            int n = first & 0x7F;
            if (n == 0) throw Error("indefinite length is not allowed");
            if (n > 4) throw Error($"length of {n} octets is not supported");
            if (_data.Length - _pos < n) throw Error("unexpected end of data inside a length");
            long l = 0;
            for (int i = 0; i < n; i++) l = (l << 8) | _data[_pos++];
            if (l > int.MaxValue) throw Error("length too large");
            len = (int)l;
        }
        if (len > _data.Length - _pos)
            throw Error($"length {len} exceeds the {_data.Length - _pos} byte(s) left (truncated?)");
        return len;
    }

    private readonly SnmpDecodeException Error(string message) => Error(message, Offset);

    private static SnmpDecodeException Error(string message, int offset) =>
        new($"malformed BER at offset {offset}: {message}") { Offset = offset };

    // ---- content decoders (static; usable on spans from ReadTlv) ----

    /// <summary>Two's-complement INTEGER content of 1..8 octets.</summary>
    public static long DecodeSigned(ReadOnlySpan<byte> c, string what, int offset = -1)
    {
        if (c.Length == 0) throw Error($"{what}: empty INTEGER", offset);
        if (c.Length > 8) throw Error($"{what}: INTEGER of {c.Length} octets is too large", offset);
        long v = (sbyte)c[0];
        for (int i = 1; i < c.Length; i++) v = (v << 8) | c[i];
        return v;
    }

    /// <summary>Unsigned content (INTEGER-encoded): up to <paramref name="maxBytes"/> octets plus one
    /// leading zero octet. Octets are read as an unsigned magnitude (as gosnmp does).</summary>
    public static ulong DecodeUnsigned(ReadOnlySpan<byte> c, int maxBytes, string what, int offset = -1)
    {
        if (c.Length == 0) throw Error($"{what}: empty value", offset);
        if (c.Length > maxBytes)
        {
            if (c.Length == maxBytes + 1 && c[0] == 0) c = c[1..];
            else throw Error($"{what}: {c.Length} octets exceed the {maxBytes}-octet range", offset);
        }
        ulong v = 0;
        foreach (var b in c) v = (v << 8) | b;
        return v;
    }

    /// <summary>OBJECT IDENTIFIER content: base-128 arcs, first octet 40·X+Y; strict (no 0x80
    /// padding, arcs ≤ 2^32-1, ≤ 128 arcs).</summary>
    public static Oid DecodeOid(ReadOnlySpan<byte> c, int offset = -1)
    {
        if (c.Length == 0) throw Error("empty OBJECT IDENTIFIER", offset);
        Span<uint> arcs = stackalloc uint[Oid.MaxArcs];
        int n = 0;
        int i = 0;
        bool first = true;
        while (i < c.Length)
        {
            if (c[i] == 0x80) throw Error("OID sub-identifier with a leading 0x80 octet", offset);
            ulong v = 0;
            while (true)
            {
                if (i >= c.Length) throw Error("OID ends inside a sub-identifier", offset);
                byte b = c[i++];
                v = (v << 7) | (uint)(b & 0x7F);
                if (v > (first ? uint.MaxValue + 80UL : uint.MaxValue)) throw Error("OID sub-identifier exceeds 32 bits", offset);
                if ((b & 0x80) == 0) break;
            }
            if (first)
            {
                if (v < 40) { arcs[n++] = 0; arcs[n++] = (uint)v; }
                else if (v < 80) { arcs[n++] = 1; arcs[n++] = (uint)(v - 40); }
                else { arcs[n++] = 2; arcs[n++] = (uint)(v - 80); }
                first = false;
            }
            else
            {
                if (n >= Oid.MaxArcs) throw Error($"OID has more than {Oid.MaxArcs} arcs", offset);
                arcs[n++] = (uint)v;
            }
        }
        return Oid.FromOwnedArray(arcs[..n].ToArray());
    }

    /// <summary>Decodes one varbind value (tag + content) into a <see cref="SnmpValue"/>.</summary>
    public static SnmpValue DecodeValue(byte tag, ReadOnlySpan<byte> c, int offset = -1)
    {
        switch (tag)
        {
            case BerTag.Integer:
                return SnmpValue.Integer(DecodeSigned(c, "INTEGER", offset));
            case BerTag.OctetString:
                return SnmpValue.OctetString(c.ToArray());
            case BerTag.Null:
                if (c.Length != 0) throw Error("NULL with content", offset);
                return SnmpValue.Null;
            case BerTag.ObjectIdentifier:
                return SnmpValue.ObjectIdentifier(DecodeOid(c, offset));
            case BerTag.IpAddress:
                if (c.Length != 4) throw Error($"IpAddress of {c.Length} octets (must be 4)", offset);
                return SnmpValue.IpAddress(c);
            case BerTag.Counter32:
                return SnmpValue.Counter32((uint)DecodeUnsigned(c, 4, "Counter32", offset));
            case BerTag.Gauge32:
                return SnmpValue.Gauge32((uint)DecodeUnsigned(c, 4, "Gauge32", offset));
            case BerTag.TimeTicks:
                return SnmpValue.TimeTicks((uint)DecodeUnsigned(c, 4, "TimeTicks", offset));
            case BerTag.UInteger32:
                return SnmpValue.UInteger32((uint)DecodeUnsigned(c, 4, "UInteger32", offset));
            case BerTag.Counter64:
                return SnmpValue.Counter64(DecodeUnsigned(c, 8, "Counter64", offset));
            case BerTag.Opaque:
                return DecodeOpaque(c);
            case BerTag.NsapAddress:
                return SnmpValue.NsapAddress(c.ToArray());
            case BerTag.NoSuchObject:
            case BerTag.NoSuchInstance:
            case BerTag.EndOfMibView:
                if (c.Length != 0) throw Error($"exception value 0x{tag:X2} with content", offset);
                return tag switch
                {
                    BerTag.NoSuchObject => SnmpValue.NoSuchObject,
                    BerTag.NoSuchInstance => SnmpValue.NoSuchInstance,
                    _ => SnmpValue.EndOfMibView,
                };
            default:
                throw Error($"unknown value type 0x{tag:X2}", offset);
        }
    }

    /// <summary>net-snmp's typed Opaque: 0x9F, 0x78 (float) / 0x79 (double) / 0x76 (counter64) /
    /// 0x7A (int64) / 0x7B (uint64), a short length, the value. Anything else stays a raw Opaque.</summary>
    private static SnmpValue DecodeOpaque(ReadOnlySpan<byte> c)
    {
        if (c.Length >= 3 && c[0] == 0x9F && c[2] == c.Length - 3)
        {
            var v = c[3..];
            switch (c[1])
            {
                case 0x78 when v.Length == 4:
                    return SnmpValue.OpaqueFloat(BinaryPrimitives.ReadSingleBigEndian(v));
                case 0x79 when v.Length == 8:
                    return SnmpValue.OpaqueDouble(BinaryPrimitives.ReadDoubleBigEndian(v));
                case 0x76 when v.Length is >= 1 and <= 9 && (v.Length < 9 || v[0] == 0):
                    return SnmpValue.OpaqueCounter64(DecodeUnsignedLenient(v));
                case 0x7B when v.Length is >= 1 and <= 9 && (v.Length < 9 || v[0] == 0):
                    return SnmpValue.OpaqueUInt64(DecodeUnsignedLenient(v));
                case 0x7A when v.Length is >= 1 and <= 8:
                    return SnmpValue.OpaqueInt64(DecodeSigned(v, "Opaque int64"));
            }
        }
        return SnmpValue.Opaque(c.ToArray());
    }

    private static ulong DecodeUnsignedLenient(ReadOnlySpan<byte> v)
    {
        ulong r = 0;
        foreach (var b in v) r = (r << 8) | b;
        return r;
    }
}

/// <summary>BER tag constants used by SNMP.</summary>
public static class BerTag
{
    public const byte Integer = 0x02;
    public const byte OctetString = 0x04;
    public const byte Null = 0x05;
    public const byte ObjectIdentifier = 0x06;
    public const byte Sequence = 0x30;
    public const byte IpAddress = 0x40;
    public const byte Counter32 = 0x41;
    public const byte Gauge32 = 0x42;
    public const byte TimeTicks = 0x43;
    public const byte Opaque = 0x44;
    public const byte NsapAddress = 0x45;
    public const byte Counter64 = 0x46;
    public const byte UInteger32 = 0x47;
    public const byte NoSuchObject = 0x80;
    public const byte NoSuchInstance = 0x81;
    public const byte EndOfMibView = 0x82;
}
