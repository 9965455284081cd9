using Safe6G.Snmp.Ber;

namespace Safe6G.Snmp;

/// <summary>
/// An SNMP PDU (RFC 3416): type, request-id, error-status/error-index (for GetBulk:
/// non-repeaters/max-repetitions) and the varbinds. The v1 Trap-PDU layout is not supported.
/// </summary>
public sealed class SnmpPdu
{
    public SnmpPdu(PduType type, int requestId, int errorStatus, int errorIndex, IReadOnlyList<VarBind> varBinds)
    {
        Type = type;
        RequestId = requestId;
        ErrorStatusRaw = errorStatus;
        ErrorIndex = errorIndex;
        VarBinds = varBinds ?? throw new ArgumentNullException(nameof(varBinds));
    }

    public PduType Type { get; }
    public int RequestId { get; }
    /// <summary>error-status as sent (non-repeaters in a GetBulk).</summary>
    public int ErrorStatusRaw { get; }
    /// <summary>error-index (max-repetitions in a GetBulk).</summary>
    public int ErrorIndex { get; }
    public IReadOnlyList<VarBind> VarBinds { get; }

    public SnmpErrorStatus ErrorStatus => (SnmpErrorStatus)ErrorStatusRaw;
    public int NonRepeaters => ErrorStatusRaw;
    public int MaxRepetitions => ErrorIndex;

    /// <summary>A request PDU with NULL values.</summary>
    public static SnmpPdu Request(PduType type, int requestId, IEnumerable<Oid> oids, int nonRepeaters = 0, int maxRepetitions = 0) =>
        new(type, requestId, nonRepeaters, maxRepetitions, oids.Select(VarBind.ForRequest).ToArray());

    /// <summary>Writes the PDU.</summary>
    public void Encode(BerWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.BeginConstructed((byte)Type);
        w.WriteInteger(RequestId);
        w.WriteInteger(ErrorStatusRaw);
        w.WriteInteger(ErrorIndex);
        w.BeginConstructed(BerTag.Sequence);
        foreach (var vb in VarBinds)
        {
            w.BeginConstructed(BerTag.Sequence);
            w.WriteOid(vb.Oid);
            w.WriteValue(vb.Value);
            w.EndConstructed();
        }
        w.EndConstructed();
        w.EndConstructed();
    }

    /// <summary>Reads a PDU (tag 0xA0..0xA8 except the v1 trap 0xA4).</summary>
    public static SnmpPdu Decode(ref BerReader r)
    {
        int at = r.Offset;
        var pr = r.ReadConstructed(out byte tag);
        if (tag is < 0xA0 or > 0xA8)
            throw new SnmpDecodeException($"malformed SNMP at offset {at}: 0x{tag:X2} is not a PDU tag") { Offset = at };
        if (tag == (byte)PduType.TrapV1)
            throw new SnmpDecodeException($"malformed SNMP at offset {at}: SNMPv1 Trap-PDU is not supported") { Offset = at };
        int requestId = pr.ReadInt32("request-id");
        int es = pr.ReadInt32("error-status");
        int ei = pr.ReadInt32("error-index");
        var vbr = pr.ReadConstructed(BerTag.Sequence, "variable-bindings");
        pr.ExpectEnd("PDU");
        var list = new List<VarBind>(Math.Min(vbr.Remaining / 4 + 1, 256));
        while (!vbr.IsEnd)
        {
            var one = vbr.ReadConstructed(BerTag.Sequence, "varbind");
            var oid = one.ReadOid("varbind name");
            int vat = one.Offset;
            var content = one.ReadTlv(out byte vtag, out _);
            var value = BerReader.DecodeValue(vtag, content, vat);
            one.ExpectEnd("varbind");
            list.Add(new VarBind(oid, value));
        }
        return new SnmpPdu((PduType)tag, requestId, es, ei, list);
    }

    public override string ToString() => $"{Type} id={RequestId} status={ErrorStatusRaw} index={ErrorIndex} varbinds={VarBinds.Count}";
}
