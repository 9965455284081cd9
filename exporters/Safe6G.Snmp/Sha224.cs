using System.Buffers.Binary;
using System.Numerics;

namespace Safe6G.Snmp;

/// <summary>
/// Managed SHA-224 (FIPS 180-4: SHA-256 compression, other initial values, 28-octet output) and
/// HMAC-SHA-224 (RFC 2104, block 64). .NET has no SHA-224; usmHMAC128SHA224AuthProtocol needs it.
/// </summary>
internal sealed class Sha224
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _h = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
    private readonly byte[] _block = new byte[64];
    private readonly uint[] _w = new uint[64];
    private int _blockLen;
    private ulong _total;

    public void Append(ReadOnlySpan<byte> data)
    {
        _total += (ulong)data.Length;
        if (_blockLen > 0)
        {
            int n = Math.Min(64 - _blockLen, data.Length);
            data[..n].CopyTo(_block.AsSpan(_blockLen));
            _blockLen += n;
            data = data[n..];
            if (_blockLen < 64) return;
            Compress(_block);
            _blockLen = 0;
        }
        while (data.Length >= 64)
        {
            Compress(data[..64]);
            data = data[64..];
        }
        data.CopyTo(_block);
        _blockLen = data.Length;
    }

    public byte[] Finish()
    {
        ulong bits = _total * 8;
        Span<byte> pad = stackalloc byte[72];
        int padLen = (_blockLen < 56 ? 56 : 120) - _blockLen;
        pad.Clear();
        pad[0] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(pad[padLen..], bits);
        ulong saved = _total;
        Append(pad[..(padLen + 8)]);
        _total = saved;
        var r = new byte[28];
        for (int i = 0; i < 7; i++) BinaryPrimitives.WriteUInt32BigEndian(r.AsSpan(i * 4), _h[i]);
        return r;
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        var w = _w;
        for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        for (int i = 16; i < 64; i++)
        {
            uint s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
        for (int i = 0; i < 64; i++)
        {
            uint S1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint ch = (e & f) ^ (~e & g);
            uint t1 = h + S1 + ch + K[i] + w[i];
            uint S0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint maj = (a & b) ^ (a & c) ^ (b & c);
            uint t2 = S0 + maj;
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d; _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var s = new Sha224();
        s.Append(data);
        return s.Finish();
    }

    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        Span<byte> k = stackalloc byte[64];
        k.Clear();
        if (key.Length > 64) Hash(key).CopyTo(k);
        else key.CopyTo(k);
        Span<byte> pad = stackalloc byte[64];
        for (int i = 0; i < 64; i++) pad[i] = (byte)(k[i] ^ 0x36);
        var inner = new Sha224();
        inner.Append(pad);
        inner.Append(data);
        var ih = inner.Finish();
        for (int i = 0; i < 64; i++) pad[i] = (byte)(k[i] ^ 0x5c);
        var outer = new Sha224();
        outer.Append(pad);
        outer.Append(ih);
        return outer.Finish();
    }
}
