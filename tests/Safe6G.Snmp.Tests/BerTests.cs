using Safe6G.Snmp.Ber;

namespace Safe6G.Snmp.Tests;

public sealed class BerTests
{
    private static string Enc(Action<BerWriter> write)
    {
        var w = new BerWriter();
        write(w);
        return Convert.ToHexString(w.ToArray());
    }

    private static SnmpValue Dec(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var r = new BerReader(bytes);
        var c = r.ReadTlv(out byte tag, out _);
        return BerReader.DecodeValue(tag, c);
    }

    [Theory]
    [InlineData(0L, "020100")]
    [InlineData(127L, "02017F")]
    [InlineData(128L, "02020080")]
    [InlineData(-1L, "0201FF")]
    [InlineData(-128L, "020180")]
    [InlineData(-129L, "0202FF7F")]
    [InlineData(2147483647L, "02047FFFFFFF")]
    [InlineData(-2147483648L, "020480000000")]
    [InlineData(long.MaxValue, "02087FFFFFFFFFFFFFFF")]
    [InlineData(long.MinValue, "02088000000000000000")]
    public void Integer_is_minimal_twos_complement(long v, string hex)
    {
        Assert.Equal(hex, Enc(w => w.WriteValue(SnmpValue.Integer(v))));
        Assert.Equal(v, Dec(hex).AsInt64());
    }

    [Theory]
    [InlineData(SnmpType.Counter32, 0UL, "410100")]
    [InlineData(SnmpType.Counter32, 255UL, "410200FF")]
    [InlineData(SnmpType.Gauge32, 4294967295UL, "420500FFFFFFFF")]
    [InlineData(SnmpType.TimeTicks, 123456789UL, "4304075BCD15")]
    [InlineData(SnmpType.UInteger32, 7UL, "470107")]
    [InlineData(SnmpType.Counter64, 18446744073709551615UL, "460900FFFFFFFFFFFFFFFF")]
    [InlineData(SnmpType.Counter64, 8589952592UL, "46050200004650")]
    public void Unsigned_types_get_a_leading_zero_when_the_top_bit_is_set(SnmpType type, ulong v, string hex)
    {
        var value = type switch
        {
            SnmpType.Counter32 => SnmpValue.Counter32((uint)v),
            SnmpType.Gauge32 => SnmpValue.Gauge32((uint)v),
            SnmpType.TimeTicks => SnmpValue.TimeTicks((uint)v),
            SnmpType.UInteger32 => SnmpValue.UInteger32((uint)v),
            _ => SnmpValue.Counter64(v),
        };
        Assert.Equal(hex, Enc(w => w.WriteValue(value)));
        var back = Dec(hex);
        Assert.Equal(type, back.Type);
        Assert.Equal(v, back.AsUInt64());
    }

    [Fact]
    public void Unsigned_decoding_tolerates_a_missing_leading_zero_like_gosnmp()
    {
        Assert.Equal(uint.MaxValue, Dec("4104FFFFFFFF").AsUInt32());
        Assert.Equal(ulong.MaxValue, Dec("4608FFFFFFFFFFFFFFFF").AsUInt64());
    }

    [Theory]
    [InlineData("1.3.6.1.4.1.53058", "06082B06010401839E42")]
    [InlineData("1.3.6.1.2.1.1.3.0", "06082B06010201010300")]
    [InlineData("0.0", "060100")]
    [InlineData("2.999.3", "0603883703")]
    [InlineData("1.3.4294967295", "06062B8FFFFFFF7F")]
    public void Oid_encoding(string oid, string hex)
    {
        Assert.Equal(hex, Enc(w => w.WriteOid(Oid.Parse(oid))));
        Assert.Equal(oid, Dec(hex).AsOid().ToString());
    }

    [Fact]
    public void Other_types_round_trip()
    {
        Assert.Equal("0400", Enc(w => w.WriteValue(SnmpValue.OctetString([]))));
        Assert.Equal("0500", Enc(w => w.WriteValue(SnmpValue.Null)));
        Assert.Equal("40040A141E28", Enc(w => w.WriteValue(SnmpValue.IpAddress(System.Net.IPAddress.Parse("10.20.30.40")))));
        Assert.Equal("8000", Enc(w => w.WriteValue(SnmpValue.NoSuchObject)));
        Assert.Equal("8100", Enc(w => w.WriteValue(SnmpValue.NoSuchInstance)));
        Assert.Equal("8200", Enc(w => w.WriteValue(SnmpValue.EndOfMibView)));
        Assert.Equal("10.20.30.40", Dec("40040A141E28").AsIpAddress().ToString());
        Assert.Equal(SnmpType.EndOfMibView, Dec("8200").Type);
        Assert.Equal(SnmpType.NoSuchObject, Dec("8000").Type);
        Assert.Equal(SnmpType.Null, Dec("0500").Type);
        Assert.Equal("héllo", Dec(Enc(w => w.WriteValue(SnmpValue.OctetString("héllo")))).AsString());
        Assert.Equal(new byte[] { 1, 2, 3 }, Dec("4403010203").AsBytes().ToArray());
        Assert.Equal(SnmpType.Opaque, Dec("4403010203").Type);
    }

    [Fact]
    public void Net_snmp_opaque_float_and_double()
    {
        // Opaque { 0x9F 0x78 len 4 IEEE754 } as net-snmp's laLoadFloat
        Assert.Equal("44079F78043FC00000", Enc(w => w.WriteValue(SnmpValue.OpaqueFloat(1.5f))));
        var f = Dec("44079F78043FC00000");
        Assert.Equal(SnmpType.OpaqueFloat, f.Type);
        Assert.Equal(1.5f, f.AsFloat());
        Assert.Equal(1.5, f.AsDouble());
        Assert.Equal("440B9F7908C002000000000000", Enc(w => w.WriteValue(SnmpValue.OpaqueDouble(-2.25))));
        Assert.Equal(-2.25, Dec("440B9F7908C002000000000000").AsDouble());
        foreach (var v in new[] { SnmpValue.OpaqueCounter64(ulong.MaxValue), SnmpValue.OpaqueUInt64(5), SnmpValue.OpaqueInt64(-5), SnmpValue.OpaqueInt64(long.MinValue) })
            Assert.Equal(v, Dec(Enc(w => w.WriteValue(v))));
        // a malformed inner wrapper stays a raw Opaque instead of failing
        Assert.Equal(SnmpType.Opaque, Dec("44069F78043FC000").Type);
    }

    [Fact]
    public void Long_form_lengths()
    {
        Assert.StartsWith("0481C8", Enc(w => w.WriteValue(SnmpValue.OctetString(new byte[200]))), StringComparison.Ordinal);
        Assert.StartsWith("0482012C", Enc(w => w.WriteValue(SnmpValue.OctetString(new byte[300]))), StringComparison.Ordinal);
        Assert.StartsWith("0483010000", Enc(w => w.WriteValue(SnmpValue.OctetString(new byte[65536]))), StringComparison.Ordinal);
        // constructed element growing past 127 / 255 bytes is shifted correctly
        var hex = Enc(w =>
        {
            w.BeginConstructed(BerTag.Sequence);
            for (int i = 0; i < 100; i++) w.WriteInteger(i);
            w.EndConstructed();
        });
        var bytes = Convert.FromHexString(hex);
        var r = new BerReader(bytes);
        var seq = r.ReadConstructed(BerTag.Sequence, "seq");
        for (int i = 0; i < 100; i++) Assert.Equal(i, seq.ReadInt32("i"));
        Assert.True(seq.IsEnd && r.IsEnd);
    }

    public static TheoryData<SnmpValue> AllValues() => new(AllValueList);

    public static readonly SnmpValue[] AllValueList =
    [
        SnmpValue.Integer(-42), SnmpValue.OctetString("abc"), SnmpValue.OctetString([0, 255, 128]), SnmpValue.Null,
        SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.53058.100.1")), SnmpValue.IpAddress([192, 168, 0, 1]),
        SnmpValue.Counter32(uint.MaxValue), SnmpValue.Gauge32(17), SnmpValue.TimeTicks(123456789), SnmpValue.Opaque([9, 9]),
        SnmpValue.NsapAddress([1, 2, 3, 4, 5]), SnmpValue.Counter64(ulong.MaxValue), SnmpValue.UInteger32(3),
        SnmpValue.NoSuchObject, SnmpValue.NoSuchInstance, SnmpValue.EndOfMibView,
        SnmpValue.OpaqueFloat(0.25f), SnmpValue.OpaqueDouble(1e300), SnmpValue.OpaqueCounter64(1UL << 63),
        SnmpValue.OpaqueInt64(-1), SnmpValue.OpaqueUInt64(0),
    ];

    [Theory]
    [MemberData(nameof(AllValues))]
    public void Every_type_round_trips_through_v2c_and_v3_messages(SnmpValue value)
    {
        var vbs = new[] { new VarBind(Oid.Parse("1.3.6.1.4.1.53058.200.1.0"), value), new VarBind(Oid.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(5)) };
        var pdu = new SnmpPdu(PduType.Response, 12345, 0, 0, vbs);
        var bytes = SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, pdu);
        var back = SnmpMessageCodec.DecodeCommunity(bytes);
        Assert.Equal(SnmpVersion.V2c, back.Version);
        Assert.Equal("public"u8.ToArray(), back.Community);
        Assert.Equal(12345, back.Pdu.RequestId);
        Assert.Equal(vbs, back.Pdu.VarBinds);

        var w = new BerWriter();
        new ScopedPdu([1, 2, 3], "ctx"u8.ToArray(), pdu).Encode(w);
        var usm = new UsmSecurityParameters
        {
            EngineId = [0x80, 0, 0x1F, 0x88, 4], EngineBoots = 3, EngineTime = 99, UserName = "u"u8.ToArray(),
            AuthenticationParameters = new byte[12], PrivacyParameters = [],
        };
        var v3 = SnmpMessageCodec.EncodeV3(77, 65507, V3Flags.Auth | V3Flags.Reportable, usm, w.WrittenSpan, false, out int authOff);
        var m = SnmpMessageCodec.DecodeV3(v3);
        Assert.Equal(77, m.MessageId);
        Assert.Equal(authOff, m.AuthParamsOffset);
        Assert.Equal(12, SnmpMessageCodec.LocateAuthParams(v3, out int len) == authOff ? len : -1);
        Assert.Equal(3, m.Usm.EngineBoots);
        Assert.Equal(99, m.Usm.EngineTime);
        Assert.Equal(vbs, m.ScopedPdu!.Pdu.VarBinds);
        Assert.Equal("ctx"u8.ToArray(), m.ScopedPdu.ContextName);
    }

    [Fact]
    public void GetBulk_fields_round_trip()
    {
        var pdu = SnmpPdu.Request(PduType.GetBulkRequest, 9, [Oid.Parse("1.3.6")], nonRepeaters: 1, maxRepetitions: 25);
        var back = SnmpMessageCodec.DecodeCommunity(SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "c"u8, pdu)).Pdu;
        Assert.Equal(PduType.GetBulkRequest, back.Type);
        Assert.Equal(1, back.NonRepeaters);
        Assert.Equal(25, back.MaxRepetitions);
        Assert.Equal(SnmpType.Null, back.VarBinds[0].Value.Type);
    }

    [Theory]
    [InlineData("0480", "indefinite")]              // indefinite length
    [InlineData("0405AABB", "exceeds")]            // length beyond the data
    [InlineData("04", "end of data")]               // no length
    [InlineData("0485000000000100", "not supported")] // 5 length octets
    [InlineData("0481", "inside a length")]         // truncated long-form length
    [InlineData("06032B8001", "")]                  // OID sub-identifier with leading 0x80 (X.690 8.19.2)
    [InlineData("0600", "empty OBJECT IDENTIFIER")]
    [InlineData("06022B86", "ends inside")]         // last sub-identifier continues
    [InlineData("06072B9090909090 01", "32 bits")]  // arc overflow
    [InlineData("4003010203", "IpAddress")]
    [InlineData("050101", "NULL with content")]
    [InlineData("8001FF", "with content")]
    [InlineData("4106000000000001", "exceed")]      // Counter32 of 6 octets
    [InlineData("4106010000000001", "exceed")]
    [InlineData("460A00000000000000000001", "exceed")]
    [InlineData("0200", "empty INTEGER")]
    [InlineData("0209000000000000000001", "too large")]
    [InlineData("4900", "unknown value type")]
    [InlineData("1F0100", "multi-octet tag")]
    public void Malformed_values_raise_SnmpDecodeException(string hex, string fragment)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var e = Assert.Throws<SnmpDecodeException>(() => Dec(Convert.ToHexString(bytes)));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_a_message_are_rejected()
    {
        var bytes = SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, SnmpPdu.Request(PduType.GetRequest, 1, [Oid.Parse("1.3.6.1")]));
        var extra = bytes.Concat(new byte[] { 0 }).ToArray();
        Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.DecodeCommunity(extra));
    }

    [Fact]
    public void V1_trap_and_unknown_versions_are_rejected_cleanly()
    {
        var trap = Convert.FromHexString("300B020100040170A403060100");
        Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.DecodeCommunity(trap));
        var v2 = Convert.FromHexString("3005020102");
        Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.PeekVersion(v2));
    }

    [Fact]
    public void Writer_refuses_unencodable_oids()
    {
        var w = new BerWriter();
        Assert.Throws<ArgumentException>(() => w.WriteOid(Oid.Parse("1")));
        Assert.Throws<ArgumentException>(() => w.WriteOid(Oid.Parse("3.1")));
        Assert.Throws<ArgumentException>(() => w.WriteOid(Oid.Parse("1.40")));
    }
}
