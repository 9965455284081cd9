using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Safe6G.Snmp;

/// <summary>
/// A varbind value: its <see cref="SnmpType"/> plus the payload, with typed accessors.
/// Integer is kept as a 64-bit signed number (so out-of-range agent values are not lost);
/// Counter32/Gauge32/TimeTicks/UInteger32 as unsigned 32-bit; Counter64 as unsigned 64-bit;
/// OctetString/Opaque/IpAddress/NsapAddress as bytes; ObjectIdentifier as <see cref="Oid"/>.
/// A typed accessor used on the wrong type throws <see cref="SnmpTypeException"/>.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private readonly ulong _bits;     // numbers (and float/double bit patterns)
    private readonly object? _ref;    // byte[] or Oid (boxed)

    private SnmpValue(SnmpType type, ulong bits, object? reference)
    {
        Type = type;
        _bits = bits;
        _ref = reference;
    }

    /// <summary>The value's type. <c>default(SnmpValue)</c> is <see cref="SnmpType.Null"/>.</summary>
    public SnmpType Type { get; }

    public static SnmpValue Null => new(SnmpType.Null, 0, null);
    public static SnmpValue NoSuchObject => new(SnmpType.NoSuchObject, 0, null);
    public static SnmpValue NoSuchInstance => new(SnmpType.NoSuchInstance, 0, null);
    public static SnmpValue EndOfMibView => new(SnmpType.EndOfMibView, 0, null);

    public static SnmpValue Integer(long value) => new(SnmpType.Integer, unchecked((ulong)value), null);
    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value, null);
    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value, null);
    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value, null);
    public static SnmpValue UInteger32(uint value) => new(SnmpType.UInteger32, value, null);
    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value, null);
    public static SnmpValue OctetString(byte[] value) => new(SnmpType.OctetString, 0, value ?? throw new ArgumentNullException(nameof(value)));
    public static SnmpValue OctetString(string utf8) => OctetString(Encoding.UTF8.GetBytes(utf8));
    public static SnmpValue Opaque(byte[] raw) => new(SnmpType.Opaque, 0, raw ?? throw new ArgumentNullException(nameof(raw)));
    public static SnmpValue NsapAddress(byte[] raw) => new(SnmpType.NsapAddress, 0, raw ?? throw new ArgumentNullException(nameof(raw)));
    public static SnmpValue ObjectIdentifier(Oid oid) => new(SnmpType.ObjectIdentifier, 0, oid);
    public static SnmpValue OpaqueFloat(float value) => new(SnmpType.OpaqueFloat, BitConverter.SingleToUInt32Bits(value), null);
    public static SnmpValue OpaqueDouble(double value) => new(SnmpType.OpaqueDouble, BitConverter.DoubleToUInt64Bits(value), null);
    public static SnmpValue OpaqueCounter64(ulong value) => new(SnmpType.OpaqueCounter64, value, null);
    public static SnmpValue OpaqueUInt64(ulong value) => new(SnmpType.OpaqueUInt64, value, null);
    public static SnmpValue OpaqueInt64(long value) => new(SnmpType.OpaqueInt64, unchecked((ulong)value), null);

    /// <summary>IpAddress from 4 octets.</summary>
    public static SnmpValue IpAddress(ReadOnlySpan<byte> fourOctets) =>
        fourOctets.Length == 4 ? new(SnmpType.IpAddress, 0, fourOctets.ToArray()) : throw new ArgumentException("IpAddress has 4 octets", nameof(fourOctets));

    /// <summary>IpAddress from an IPv4 address.</summary>
    public static SnmpValue IpAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IpAddress(address.MapToIPv4().GetAddressBytes());
    }

    /// <summary>noSuchObject, noSuchInstance or endOfMibView (v2 exception values).</summary>
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    /// <summary>Integer as Int32 (throws if the agent sent a value outside Int32).</summary>
    public int AsInt32()
    {
        Expect(SnmpType.Integer);
        long v = unchecked((long)_bits);
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new SnmpTypeException($"INTEGER {v} does not fit Int32");
    }

    /// <summary>Integer or Opaque int64 as Int64.</summary>
    public long AsInt64()
    {
        if (Type is SnmpType.Integer or SnmpType.OpaqueInt64) return unchecked((long)_bits);
        throw Mismatch("Integer/OpaqueInt64");
    }

    /// <summary>Counter32, Gauge32, TimeTicks or UInteger32 as UInt32.</summary>
    public uint AsUInt32()
    {
        if (Type is SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.UInteger32) return (uint)_bits;
        throw Mismatch("Counter32/Gauge32/TimeTicks/UInteger32");
    }

    /// <summary>Any unsigned type (Counter32/Gauge32/TimeTicks/UInteger32/Counter64/Opaque counter64/uint64) as UInt64.</summary>
    public ulong AsUInt64()
    {
        if (Type is SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.UInteger32
            or SnmpType.Counter64 or SnmpType.OpaqueCounter64 or SnmpType.OpaqueUInt64) return _bits;
        throw Mismatch("unsigned");
    }

    /// <summary>TimeTicks as a duration (1/100 s units).</summary>
    public TimeSpan AsTimeSpan()
    {
        Expect(SnmpType.TimeTicks);
        return TimeSpan.FromMilliseconds(_bits * 10.0);
    }

    /// <summary>Opaque float.</summary>
    public float AsFloat()
    {
        Expect(SnmpType.OpaqueFloat);
        return BitConverter.UInt32BitsToSingle((uint)_bits);
    }

    /// <summary>Opaque double (or Opaque float widened).</summary>
    public double AsDouble()
    {
        if (Type == SnmpType.OpaqueDouble) return BitConverter.UInt64BitsToDouble(_bits);
        if (Type == SnmpType.OpaqueFloat) return BitConverter.UInt32BitsToSingle((uint)_bits);
        throw Mismatch("OpaqueFloat/OpaqueDouble");
    }

    /// <summary>The raw octets of OctetString, Opaque (raw content), IpAddress or NsapAddress.</summary>
    public ReadOnlyMemory<byte> AsBytes()
    {
        if (_ref is byte[] b) return b;
        throw Mismatch("OctetString/Opaque/IpAddress/NsapAddress");
    }

    /// <summary>OctetString decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string AsString()
    {
        Expect(SnmpType.OctetString);
        return Encoding.UTF8.GetString((byte[])_ref!);
    }

    /// <summary>ObjectIdentifier value.</summary>
    public Oid AsOid()
    {
        Expect(SnmpType.ObjectIdentifier);
        return (Oid)_ref!;
    }

    /// <summary>IpAddress value.</summary>
    public IPAddress AsIpAddress()
    {
        Expect(SnmpType.IpAddress);
        return new IPAddress((byte[])_ref!);
    }

    /// <summary>Any numeric type as double (Integer, the unsigned types, Counter64, Opaque numbers);
    /// false for strings, OIDs, NULL and exception values.</summary>
    public bool TryGetDouble(out double value)
    {
        switch (Type)
        {
            case SnmpType.Integer:
            case SnmpType.OpaqueInt64:
                value = unchecked((long)_bits); return true;
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
            case SnmpType.UInteger32:
            case SnmpType.Counter64:
            case SnmpType.OpaqueCounter64:
            case SnmpType.OpaqueUInt64:
                value = _bits; return true;
            case SnmpType.OpaqueFloat:
            case SnmpType.OpaqueDouble:
                value = AsDouble(); return true;
            default:
                value = 0; return false;
        }
    }

    // Raw accessors for the encoder.
    internal ulong RawBits => _bits;
    internal byte[]? RawBytes => _ref as byte[];

    private void Expect(SnmpType t)
    {
        if (Type != t) throw Mismatch(t.ToString());
    }

    private SnmpTypeException Mismatch(string wanted) => new($"value is {Type}, not {wanted}");

    public bool Equals(SnmpValue other)
    {
        if (Type != other.Type || _bits != other._bits) return false;
        return (_ref, other._ref) switch
        {
            (null, null) => true,
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (Oid a, Oid b) => a == b,
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is SnmpValue v && Equals(v);

    public override int GetHashCode() => _ref switch
    {
        byte[] b => HashCode.Combine(Type, b.Length, b.Length > 0 ? b[0] : 0),
        Oid o => HashCode.Combine(Type, o),
        _ => HashCode.Combine(Type, _bits),
    };

    public static bool operator ==(SnmpValue a, SnmpValue b) => a.Equals(b);
    public static bool operator !=(SnmpValue a, SnmpValue b) => !a.Equals(b);

    /// <summary>A net-snmp-like rendering ("Counter32: 5", "STRING: \"x\"", "Hex-STRING: 00 FF").</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        return Type switch
        {
            SnmpType.Integer => "INTEGER: " + AsInt64().ToString(ci),
            SnmpType.OctetString => IsPrintable(RawBytes!) ? "STRING: \"" + AsString() + "\"" : "Hex-STRING: " + Convert.ToHexString(RawBytes!),
            SnmpType.Null => "NULL",
            SnmpType.ObjectIdentifier => "OID: ." + AsOid(),
            SnmpType.IpAddress => "IpAddress: " + AsIpAddress(),
            SnmpType.Counter32 => "Counter32: " + AsUInt32().ToString(ci),
            SnmpType.Gauge32 => "Gauge32: " + AsUInt32().ToString(ci),
            SnmpType.TimeTicks => "Timeticks: (" + AsUInt32().ToString(ci) + ")",
            SnmpType.UInteger32 => "UInteger32: " + AsUInt32().ToString(ci),
            SnmpType.Counter64 => "Counter64: " + AsUInt64().ToString(ci),
            SnmpType.Opaque => "Opaque: " + Convert.ToHexString(RawBytes!),
            SnmpType.NsapAddress => "NsapAddress: " + Convert.ToHexString(RawBytes!),
            SnmpType.OpaqueFloat => "Opaque: Float: " + AsFloat().ToString("R", ci),
            SnmpType.OpaqueDouble => "Opaque: Double: " + AsDouble().ToString("R", ci),
            SnmpType.OpaqueCounter64 => "Opaque: Counter64: " + _bits.ToString(ci),
            SnmpType.OpaqueUInt64 => "Opaque: UInt64: " + _bits.ToString(ci),
            SnmpType.OpaqueInt64 => "Opaque: Int64: " + unchecked((long)_bits).ToString(ci),
            SnmpType.NoSuchObject => "No Such Object available on this agent at this OID",
            SnmpType.NoSuchInstance => "No Such Instance currently exists at this OID",
            SnmpType.EndOfMibView => "No more variables left in this MIB View",
            _ => Type.ToString(),
        };
    }

    private static bool IsPrintable(byte[] b)
    {
        foreach (var c in b)
            if (c < 0x20 && c is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' || c == 0x7F) return false;
        return true;
    }

    internal static float ReadFloatBigEndian(ReadOnlySpan<byte> s) => BinaryPrimitives.ReadSingleBigEndian(s);
}
