using System.Diagnostics;
using Safe6G.Snmp.Ber;

namespace Safe6G.Snmp.Tests;

/// <summary>
/// Property test: the decoders, fed ≥ 100,000 random, truncated and mutated packets, only ever
/// raise <see cref="SnmpDecodeException"/> (or its documented <see cref="SnmpException"/> family),
/// finish quickly (no loops) and allocate in proportion to the input (no unbounded allocation).
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Cases = 120_000;

    private static List<byte[]> Corpus()
    {
        var vbs = BerTests.AllValueList.Select((v, i) => new VarBind(Oid.Parse("1.3.6.1.4.1.53058.200." + i + ".0"), v)).ToArray();
        var pdu = new SnmpPdu(PduType.Response, 0x7123, 0, 0, vbs);
        var list = new List<byte[]>
        {
            SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, pdu),
            SnmpMessageCodec.EncodeCommunity(SnmpVersion.V1, "c"u8, SnmpPdu.Request(PduType.GetNextRequest, 5, [Oid.Parse("1.3.6.1.2.1")])),
            SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, SnmpPdu.Request(PduType.GetBulkRequest, 6, [Oid.Parse("1.3.6.1.2.1"), Oid.Parse("1.3.6.1.4.1")], 1, 50)),
        };
        var w = new BerWriter();
        new ScopedPdu([0x80, 0, 0x1F, 0x88, 4], [], pdu).Encode(w);
        var usm = new UsmSecurityParameters
        {
            EngineId = [0x80, 0, 0x1F, 0x88, 4, 9, 9], EngineBoots = 3, EngineTime = 1000, UserName = "usha"u8.ToArray(),
            AuthenticationParameters = new byte[12], PrivacyParameters = [1, 2, 3, 4, 5, 6, 7, 8],
        };
        list.Add(SnmpMessageCodec.EncodeV3(1, 65507, V3Flags.Auth | V3Flags.Reportable, usm, w.WrittenSpan, false, out _));
        list.Add(SnmpMessageCodec.EncodeV3(2, 65507, V3Flags.Auth | V3Flags.Priv, usm, new byte[77], true, out _));
        list.Add(SnmpMessageCodec.EncodeV3(3, 484, V3Flags.Reportable, new UsmSecurityParameters(), w.WrittenSpan, false, out _));
        return list;
    }

    private static byte[] Mutate(Random rng, List<byte[]> corpus)
    {
        var src = corpus[rng.Next(corpus.Count)];
        var b = (byte[])src.Clone();
        switch (rng.Next(8))
        {
            case 0: // truncation
                return b[..rng.Next(b.Length)];
            case 1: // flip a few bytes
                for (int i = rng.Next(1, 5); i > 0; i--) b[rng.Next(b.Length)] = (byte)rng.Next(256);
                return b;
            case 2: // length bombs at random positions
            {
                int p = rng.Next(b.Length);
                b[p] = (byte)(0x80 + rng.Next(6));
                if (p + 1 < b.Length) b[p + 1] = 0xFF;
                return b;
            }
            case 3: // insertion
            {
                int p = rng.Next(b.Length + 1);
                var ins = new byte[rng.Next(1, 16)];
                rng.NextBytes(ins);
                return [.. b[..p], .. ins, .. b[p..]];
            }
            case 4: // deletion of a range
            {
                int p = rng.Next(b.Length);
                int n = rng.Next(1, Math.Min(32, b.Length - p) + 1);
                return [.. b[..p], .. b[(p + n)..]];
            }
            case 5: // pure noise
            {
                var r = new byte[rng.Next(0, 400)];
                rng.NextBytes(r);
                if (r.Length > 0 && rng.Next(2) == 0) r[0] = 0x30;
                return r;
            }
            case 6: // random TLV soup with SNMP tags
                return RandomTlv(rng, 0);
            default: // truncation plus flip
            {
                var t = b[..rng.Next(1, b.Length + 1)];
                t[rng.Next(t.Length)] ^= (byte)(1 << rng.Next(8));
                return t;
            }
        }
    }

    private static readonly byte[] Tags = [0x02, 0x04, 0x05, 0x06, 0x30, 0x40, 0x41, 0x42, 0x43, 0x44, 0x46, 0x80, 0x81, 0x82, 0xA0, 0xA2, 0xA5, 0xA8];

    private static byte[] RandomTlv(Random rng, int depth)
    {
        byte tag = Tags[rng.Next(Tags.Length)];
        byte[] content;
        if ((tag == 0x30 || tag >= 0xA0) && depth < 6)
            content = [.. Enumerable.Range(0, rng.Next(0, 5)).SelectMany(_ => RandomTlv(rng, depth + 1))];
        else
        {
            content = new byte[rng.Next(0, 12)];
            rng.NextBytes(content);
        }
        int len = rng.Next(10) == 0 ? content.Length + rng.Next(-2, 3) : content.Length; // sometimes lie
        len = Math.Max(0, len);
        byte[] hdr = len < 128 ? [tag, (byte)len] : [tag, 0x82, (byte)(len >> 8), (byte)len];
        return [.. hdr, .. content];
    }

    private static void DecodeEverything(byte[] data)
    {
        void Try(Action a)
        {
            try { a(); }
            catch (SnmpException) { } // the documented family (SnmpDecodeException in practice)
        }
        Try(() => SnmpMessageCodec.PeekVersion(data));
        Try(() => SnmpMessageCodec.DecodeCommunity(data));
        Try(() => SnmpMessageCodec.DecodeV3(data));
        Try(() => ScopedPdu.Decode(data));
        Try(() => SnmpMessageCodec.LocateAuthParams(data, out _));
        Try(() =>
        {
            var r = new BerReader(data);
            while (!r.IsEnd)
            {
                var c = r.ReadTlv(out byte tag, out _);
                BerReader.DecodeValue(tag, c);
            }
        });
    }

    [Fact]
    public void Random_truncated_and_mutated_packets_only_raise_decode_errors()
    {
        var corpus = Corpus();
        foreach (var c in corpus) DecodeEverything(c); // the originals decode
        Assert.NotNull(SnmpMessageCodec.DecodeCommunity(corpus[0]));
        var rng = new Random(20260421);
        var sw = Stopwatch.StartNew();
        long worstRatio = 0;
        for (int i = 0; i < Cases; i++)
        {
            var data = Mutate(rng, corpus);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                DecodeEverything(data);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(data)}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // bounded by the input: a fixed allowance (exceptions, small objects) plus a per-byte factor
            long bound = 200_000 + 200L * data.Length;
            if (allocated > bound) Assert.Fail($"case {i}: {allocated} bytes allocated for {data.Length} input bytes");
            worstRatio = Math.Max(worstRatio, allocated / Math.Max(1, data.Length));
        }
        // no loops: 120k cases × 6 decoders in well under a minute even on a slow CI box
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(120), $"took {sw.Elapsed}");
    }

    [Fact]
    public void Every_prefix_of_valid_messages_is_rejected_cleanly()
    {
        foreach (var msg in Corpus())
            for (int n = 0; n < msg.Length; n++)
            {
                var prefix = msg[..n];
                Assert.ThrowsAny<SnmpException>(() =>
                {
                    var v = SnmpMessageCodec.PeekVersion(prefix);
                    if (v == SnmpVersion.V3) SnmpMessageCodec.DecodeV3(prefix);
                    else SnmpMessageCodec.DecodeCommunity(prefix);
                });
            }
    }

    [Fact]
    public void A_huge_declared_length_does_not_allocate()
    {
        // 0x84 7FFFFFFF: claims 2 GiB; must fail on the bounds check before any allocation
        var data = Convert.FromHexString("30847FFFFFFF020101");
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.DecodeCommunity(data));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }
}
