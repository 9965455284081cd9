using Safe6G.Snmp.Ber;

namespace Safe6G.Snmp;

/// <summary>A decoded v1/v2c message.</summary>
public sealed record CommunityMessage(SnmpVersion Version, byte[] Community, SnmpPdu Pdu);

/// <summary>USM security parameters (RFC 3414 §2.4).</summary>
public sealed class UsmSecurityParameters
{
    public byte[] EngineId { get; init; } = [];
    public int EngineBoots { get; init; }
    public int EngineTime { get; init; }
    public byte[] UserName { get; init; } = [];
    public byte[] AuthenticationParameters { get; init; } = [];
    public byte[] PrivacyParameters { get; init; } = [];

    internal void Encode(BerWriter w)
    {
        w.BeginConstructed(BerTag.Sequence);
        w.WriteOctetString(EngineId);
        w.WriteInteger(EngineBoots);
        w.WriteInteger(EngineTime);
        w.WriteOctetString(UserName);
        w.WriteOctetString(AuthenticationParameters);
        w.WriteOctetString(PrivacyParameters);
        w.EndConstructed();
    }
}

/// <summary>msgFlags bits (RFC 3412 §6.4).</summary>
[Flags]
public enum V3Flags : byte
{
    None = 0,
    Auth = 0x01,
    Priv = 0x02,
    Reportable = 0x04,
}

/// <summary>
/// A decoded SNMPv3 message. <see cref="ScopedPdu"/> is set when the data was plaintext; otherwise
/// <see cref="EncryptedPdu"/> holds the ciphertext. <see cref="AuthParamsOffset"/> locates the
/// msgAuthenticationParameters inside the original buffer for HMAC verification.
/// </summary>
public sealed class V3Message
{
    public int MessageId { get; init; }
    public int MaxSize { get; init; }
    public V3Flags Flags { get; init; }
    public int SecurityModel { get; init; }
    public UsmSecurityParameters Usm { get; init; } = new();
    public ScopedPdu? ScopedPdu { get; init; }
    public byte[]? EncryptedPdu { get; init; }
    public int AuthParamsOffset { get; init; } = -1;
}

/// <summary>ScopedPDU: contextEngineID, contextName, PDU.</summary>
public sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, SnmpPdu Pdu)
{
    public void Encode(BerWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.BeginConstructed(BerTag.Sequence);
        w.WriteOctetString(ContextEngineId);
        w.WriteOctetString(ContextName);
        Pdu.Encode(w);
        w.EndConstructed();
    }

    /// <summary>Decodes the first TLV of <paramref name="data"/>; trailing bytes (cipher padding) are ignored.</summary>
    public static ScopedPdu Decode(ReadOnlySpan<byte> data)
    {
        var outer = new BerReader(data);
        var r = outer.ReadConstructed(BerTag.Sequence, "ScopedPDU");
        var ceid = r.ReadOctetString("contextEngineID").ToArray();
        var cname = r.ReadOctetString("contextName").ToArray();
        var pdu = SnmpPdu.Decode(ref r);
        r.ExpectEnd("ScopedPDU");
        return new ScopedPdu(ceid, cname, pdu);
    }
}

/// <summary>Encoders/decoders for whole SNMP messages. Decoders raise only <see cref="SnmpDecodeException"/>.</summary>
public static class SnmpMessageCodec
{
    /// <summary>The version field of a message (to dispatch between community and v3 decoding).</summary>
    public static SnmpVersion PeekVersion(ReadOnlySpan<byte> message)
    {
        var outer = new BerReader(message);
        var r = outer.ReadConstructed(BerTag.Sequence, "message");
        int v = r.ReadInt32("version");
        return v switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            3 => SnmpVersion.V3,
            _ => throw new SnmpDecodeException($"unsupported SNMP version {v}"),
        };
    }

    /// <summary>v1/v2c message.</summary>
    public static byte[] EncodeCommunity(SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        if (version == SnmpVersion.V3) throw new ArgumentException("use EncodeV3 for SNMPv3", nameof(version));
        ArgumentNullException.ThrowIfNull(pdu);
        var w = new BerWriter(64 + pdu.VarBinds.Count * 32);
        w.BeginConstructed(BerTag.Sequence);
        w.WriteInteger((int)version);
        w.WriteOctetString(community);
        pdu.Encode(w);
        w.EndConstructed();
        return w.ToArray();
    }

    /// <summary>Decodes a v1/v2c message.</summary>
    public static CommunityMessage DecodeCommunity(ReadOnlySpan<byte> message)
    {
        var outer = new BerReader(message);
        var r = outer.ReadConstructed(BerTag.Sequence, "message");
        outer.ExpectEnd("datagram");
        int v = r.ReadInt32("version");
        if (v is not (0 or 1)) throw new SnmpDecodeException($"not a community message (version {v})");
        var community = r.ReadOctetString("community").ToArray();
        var pdu = SnmpPdu.Decode(ref r);
        r.ExpectEnd("message");
        return new CommunityMessage((SnmpVersion)v, community, pdu);
    }

    /// <summary>
    /// Encodes an SNMPv3/USM message. <paramref name="msgData"/> is either the encoded ScopedPDU
    /// (plaintext, written as is) or the ciphertext (written as an OCTET STRING) when
    /// <paramref name="encrypted"/>. Returns the bytes and the offset of the
    /// msgAuthenticationParameters content (whose placeholder the caller fills with the MAC).
    /// </summary>
    public static byte[] EncodeV3(int messageId, int maxSize, V3Flags flags, UsmSecurityParameters usm,
        ReadOnlySpan<byte> msgData, bool encrypted, out int authParamsOffset)
    {
        ArgumentNullException.ThrowIfNull(usm);
        var sec = new BerWriter(128);
        usm.Encode(sec);
        var w = new BerWriter(msgData.Length + 160);
        w.BeginConstructed(BerTag.Sequence);
        w.WriteInteger(3);
        w.BeginConstructed(BerTag.Sequence);
        w.WriteInteger(messageId);
        w.WriteInteger(maxSize);
        w.WriteOctetString([(byte)flags]);
        w.WriteInteger(3); // USM
        w.EndConstructed();
        w.WriteOctetString(sec.WrittenSpan);
        if (encrypted) w.WriteOctetString(msgData);
        else w.WriteRaw(msgData);
        w.EndConstructed();
        var bytes = w.ToArray();
        authParamsOffset = LocateAuthParams(bytes, out _);
        return bytes;
    }

    /// <summary>Decodes an SNMPv3 message (USM security model only).</summary>
    public static V3Message DecodeV3(ReadOnlySpan<byte> message)
    {
        var outer = new BerReader(message);
        var r = outer.ReadConstructed(BerTag.Sequence, "message");
        outer.ExpectEnd("datagram");
        int v = r.ReadInt32("msgVersion");
        if (v != 3) throw new SnmpDecodeException($"not an SNMPv3 message (version {v})");
        var g = r.ReadConstructed(BerTag.Sequence, "msgGlobalData");
        int msgId = g.ReadInt32("msgID");
        int maxSize = g.ReadInt32("msgMaxSize");
        var flags = g.ReadOctetString("msgFlags");
        if (flags.Length != 1) throw new SnmpDecodeException($"msgFlags of {flags.Length} octets (must be 1)");
        int model = g.ReadInt32("msgSecurityModel");
        g.ExpectEnd("msgGlobalData");
        if (model != 3) throw new SnmpDecodeException($"security model {model} is not USM (3)");
        int secAt = r.Offset;
        var secContent = r.ReadTlv(out byte secTag, out int contentStart);
        if (secTag != BerTag.OctetString)
            throw new SnmpDecodeException($"msgSecurityParameters: expected OCTET STRING, got 0x{secTag:X2}") { Offset = secAt };
        var usm = DecodeUsm(secContent, contentStart, out int authOff);
        var f = (V3Flags)flags[0];
        if ((f & V3Flags.Priv) != 0 && (f & V3Flags.Auth) == 0)
            throw new SnmpDecodeException("msgFlags priv without auth is invalid");
        ScopedPdu? scoped = null;
        byte[]? enc = null;
        if (r.PeekTag() == BerTag.OctetString) enc = r.ReadOctetString("encryptedPDU").ToArray();
        else
        {
            int at = r.Offset;
            if (r.PeekTag() != BerTag.Sequence)
                throw new SnmpDecodeException($"msgData: expected ScopedPDU or encryptedPDU, got 0x{r.PeekTag():X2}") { Offset = at };
            r.Skip();
            int end = r.Offset;
            scoped = ScopedPdu.Decode(message[at..end]);
        }
        r.ExpectEnd("message");
        return new V3Message
        {
            MessageId = msgId,
            MaxSize = maxSize,
            Flags = f,
            SecurityModel = model,
            Usm = usm,
            ScopedPdu = scoped,
            EncryptedPdu = enc,
            AuthParamsOffset = authOff,
        };
    }

    private static UsmSecurityParameters DecodeUsm(ReadOnlySpan<byte> sec, int baseOffset, out int authOffset)
    {
        var outer = new BerReader(sec);
        var s = outer.ReadConstructed(BerTag.Sequence, "UsmSecurityParameters");
        outer.ExpectEnd("msgSecurityParameters");
        var engineId = s.ReadOctetString("msgAuthoritativeEngineID");
        if (engineId.Length > 32) throw new SnmpDecodeException($"engineID of {engineId.Length} octets (max 32)");
        int boots = s.ReadInt32("msgAuthoritativeEngineBoots");
        int time = s.ReadInt32("msgAuthoritativeEngineTime");
        var user = s.ReadOctetString("msgUserName");
        if (user.Length > 32) throw new SnmpDecodeException($"user name of {user.Length} octets (max 32)");
        var auth = s.ReadTlv(out byte atag, out int authRel);
        if (atag != BerTag.OctetString) throw new SnmpDecodeException("msgAuthenticationParameters is not an OCTET STRING");
        authOffset = baseOffset + authRel;
        var priv = s.ReadOctetString("msgPrivacyParameters");
        s.ExpectEnd("UsmSecurityParameters");
        return new UsmSecurityParameters
        {
            EngineId = engineId.ToArray(),
            EngineBoots = boots,
            EngineTime = time,
            UserName = user.ToArray(),
            AuthenticationParameters = auth.ToArray(),
            PrivacyParameters = priv.ToArray(),
        };
    }

    /// <summary>Finds msgAuthenticationParameters in an encoded v3 message (offset of the content).</summary>
    public static int LocateAuthParams(ReadOnlySpan<byte> message, out int length)
    {
        var outer = new BerReader(message);
        var r = outer.ReadConstructed(BerTag.Sequence, "message");
        r.ReadInt32("msgVersion");
        r.Skip(); // msgGlobalData
        var sec = r.ReadTlv(out byte tag, out int secContentOffset);
        if (tag != BerTag.OctetString) throw new SnmpDecodeException("msgSecurityParameters is not an OCTET STRING");
        var so = new BerReader(sec);
        var s = so.ReadConstructed(BerTag.Sequence, "UsmSecurityParameters");
        s.Skip(); s.Skip(); s.Skip(); s.Skip();
        var auth = s.ReadTlv(out byte atag, out int authOff);
        if (atag != BerTag.OctetString) throw new SnmpDecodeException("msgAuthenticationParameters is not an OCTET STRING");
        length = auth.Length;
        return secContentOffset + authOff;
    }
}
