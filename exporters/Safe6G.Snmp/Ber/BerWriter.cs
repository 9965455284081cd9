using System.Buffers.Binary;

namespace Safe6G.Snmp.Ber;

/// <summary>
/// Growable BER writer. Constructed elements are written with <see cref="BeginConstructed"/> /
/// <see cref="EndConstructed"/>: one length octet is reserved and the content is shifted when the
/// final length needs the long form (messages are small, so one move per large container is cheap).
/// Lengths are always minimal definite-form; INTEGERs minimal two's complement.
/// </summary>
public sealed class BerWriter
{
    private byte[] _buf;
    private int _pos;
    private readonly Stack<int> _open = new();

    public BerWriter(int capacity = 512) => _buf = new byte[Math.Max(capacity, 16)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _pos;

    /// <summary>The encoded bytes (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buf.AsSpan(0, _pos);

    /// <summary>A copy of the encoded bytes.</summary>
    public byte[] ToArray()
    {
        if (_open.Count != 0) throw new InvalidOperationException("unclosed constructed element");
        return _buf.AsSpan(0, _pos).ToArray();
    }

    /// <summary>Clears the writer for reuse.</summary>
    public void Reset()
    {
        _pos = 0;
        _open.Clear();
    }

    private void Ensure(int extra)
    {
        if (_pos + extra <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _pos + extra));
    }

    private void WriteByte(byte b)
    {
        Ensure(1);
        _buf[_pos++] = b;
    }

    private void WriteLength(int len)
    {
        Ensure(5);
        if (len < 0x80) { _buf[_pos++] = (byte)len; return; }
        int n = len <= 0xFF ? 1 : len <= 0xFFFF ? 2 : len <= 0xFFFFFF ? 3 : 4;
        _buf[_pos++] = (byte)(0x80 | n);
        for (int i = n - 1; i >= 0; i--) _buf[_pos++] = (byte)(len >> (8 * i));
    }

    /// <summary>Starts a SEQUENCE / PDU / other constructed element.</summary>
    public void BeginConstructed(byte tag)
    {
        WriteByte(tag);
        WriteByte(0); // placeholder for a short-form length
        _open.Push(_pos);
    }

    /// <summary>Closes the innermost constructed element.</summary>
    public void EndConstructed()
    {
        int start = _open.Pop();
        int len = _pos - start;
        if (len < 0x80)
        {
            _buf[start - 1] = (byte)len;
            return;
        }
        int n = len <= 0xFF ? 1 : len <= 0xFFFF ? 2 : len <= 0xFFFFFF ? 3 : 4;
        Ensure(n);
        Buffer.BlockCopy(_buf, start, _buf, start + n, len);
        _buf[start - 1] = (byte)(0x80 | n);
        for (int i = 0; i < n; i++) _buf[start + i] = (byte)(len >> (8 * (n - 1 - i)));
        _pos += n;
    }

    /// <summary>A primitive TLV with the given content.</summary>
    public void WriteTlv(byte tag, ReadOnlySpan<byte> content)
    {
        WriteByte(tag);
        WriteLength(content.Length);
        Ensure(content.Length);
        content.CopyTo(_buf.AsSpan(_pos));
        _pos += content.Length;
    }

    /// <summary>Signed INTEGER (minimal two's complement) with the given tag (0x02 by default).</summary>
    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        Span<byte> tmp = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(tmp, value);
        int i = 0;
        // drop redundant leading 0x00 / 0xFF octets
        while (i < 7 && ((tmp[i] == 0x00 && (tmp[i + 1] & 0x80) == 0) || (tmp[i] == 0xFF && (tmp[i + 1] & 0x80) != 0))) i++;
        WriteTlv(tag, tmp[i..]);
    }

    /// <summary>Unsigned value, INTEGER-encoded (a leading 0x00 when the top bit is set).</summary>
    public void WriteUnsigned(ulong value, byte tag)
    {
        Span<byte> tmp = stackalloc byte[9];
        tmp[0] = 0;
        BinaryPrimitives.WriteUInt64BigEndian(tmp[1..], value);
        int i = 0;
        while (i < 8 && tmp[i] == 0 && (tmp[i + 1] & 0x80) == 0) i++;
        WriteTlv(tag, tmp[i..]);
    }

    /// <summary>Pre-encoded bytes, copied as they are.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        Ensure(encoded.Length);
        encoded.CopyTo(_buf.AsSpan(_pos));
        _pos += encoded.Length;
    }

    public void WriteOctetString(ReadOnlySpan<byte> value, byte tag = BerTag.OctetString) => WriteTlv(tag, value);

    public void WriteNull(byte tag = BerTag.Null) => WriteTlv(tag, []);

    /// <summary>OBJECT IDENTIFIER (needs ≥ 2 arcs, first ≤ 2, second &lt; 40 unless first is 2).</summary>
    public void WriteOid(Oid oid)
    {
        var arcs = oid.Arcs;
        if (arcs.Length < 2) throw new ArgumentException($"OID '{oid}' needs at least two arcs to be encoded", nameof(oid));
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) throw new ArgumentException($"OID '{oid}' has an invalid first/second arc", nameof(oid));
        Span<byte> tmp = stackalloc byte[5 * Oid.MaxArcs + 5];
        int n = 0;
        n += EncodeSubId(arcs[0] * 40UL + arcs[1], tmp[n..]);
        for (int i = 2; i < arcs.Length; i++) n += EncodeSubId(arcs[i], tmp[n..]);
        WriteTlv(BerTag.ObjectIdentifier, tmp[..n]);
    }

    private static int EncodeSubId(ulong v, Span<byte> dst)
    {
        int groups = 1;
        for (ulong t = v >> 7; t != 0; t >>= 7) groups++;
        for (int g = groups - 1, i = 0; g >= 0; g--, i++)
            dst[i] = (byte)(((v >> (7 * g)) & 0x7F) | (g > 0 ? 0x80u : 0u));
        return groups;
    }

    /// <summary>A varbind value.</summary>
    public void WriteValue(SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer: WriteInteger(unchecked((long)value.RawBits)); break;
            case SnmpType.OctetString: WriteTlv(BerTag.OctetString, value.RawBytes); break;
            case SnmpType.Null: WriteNull(); break;
            case SnmpType.ObjectIdentifier: WriteOid(value.AsOid()); break;
            case SnmpType.IpAddress: WriteTlv(BerTag.IpAddress, value.RawBytes); break;
            case SnmpType.Counter32: WriteUnsigned(value.RawBits, BerTag.Counter32); break;
            case SnmpType.Gauge32: WriteUnsigned(value.RawBits, BerTag.Gauge32); break;
            case SnmpType.TimeTicks: WriteUnsigned(value.RawBits, BerTag.TimeTicks); break;
            case SnmpType.UInteger32: WriteUnsigned(value.RawBits, BerTag.UInteger32); break;
            case SnmpType.Counter64: WriteUnsigned(value.RawBits, BerTag.Counter64); break;
            case SnmpType.Opaque: WriteTlv(BerTag.Opaque, value.RawBytes); break;
            case SnmpType.NsapAddress: WriteTlv(BerTag.NsapAddress, value.RawBytes); break;
            case SnmpType.NoSuchObject: WriteNull(BerTag.NoSuchObject); break;
            case SnmpType.NoSuchInstance: WriteNull(BerTag.NoSuchInstance); break;
            case SnmpType.EndOfMibView: WriteNull(BerTag.EndOfMibView); break;
            case SnmpType.OpaqueFloat:
            {
                Span<byte> t = stackalloc byte[7];
                t[0] = 0x9F; t[1] = 0x78; t[2] = 4;
                BinaryPrimitives.WriteSingleBigEndian(t[3..], value.AsFloat());
                WriteTlv(BerTag.Opaque, t);
                break;
            }
            case SnmpType.OpaqueDouble:
            {
                Span<byte> t = stackalloc byte[11];
                t[0] = 0x9F; t[1] = 0x79; t[2] = 8;
                BinaryPrimitives.WriteDoubleBigEndian(t[3..], value.AsDouble());
                WriteTlv(BerTag.Opaque, t);
                break;
            }
            case SnmpType.OpaqueCounter64:
            case SnmpType.OpaqueUInt64:
            case SnmpType.OpaqueInt64:
            {
                var inner = new BerWriter(16);
                byte sub = value.Type switch { SnmpType.OpaqueCounter64 => 0x76, SnmpType.OpaqueUInt64 => 0x7B, _ => 0x7A };
                if (value.Type == SnmpType.OpaqueInt64) inner.WriteInteger(unchecked((long)value.RawBits), 0);
                else inner.WriteUnsigned(value.RawBits, 0);
                var body = inner.WrittenSpan; // [0x00][len][value]
                Span<byte> t = stackalloc byte[body.Length + 1];
                t[0] = 0x9F; t[1] = sub;
                body[1..].CopyTo(t[2..]);
                WriteTlv(BerTag.Opaque, t);
                break;
            }
            default:
                throw new ArgumentException($"cannot encode value type {value.Type}", nameof(value));
        }
    }

    /// <summary>Direct access for in-place patching (HMAC), offset from the start.</summary>
    internal Span<byte> GetWritableSpan(int offset, int length) => _buf.AsSpan(offset, length);
}
