namespace Safe6G.Snmp;

/// <summary>SMI / BER types of a varbind value. Values below 0x100 are the BER tags themselves;
/// the Opaque* members are net-snmp's typed Opaque wrappers (tag 0x44 carrying 0x9F 0x7n …).</summary>
public enum SnmpType
{
    Integer = 0x02,
    OctetString = 0x04,
    Null = 0x05,
    ObjectIdentifier = 0x06,
    IpAddress = 0x40,
    Counter32 = 0x41,
    Gauge32 = 0x42,
    TimeTicks = 0x43,
    Opaque = 0x44,
    NsapAddress = 0x45,
    Counter64 = 0x46,
    UInteger32 = 0x47,
    NoSuchObject = 0x80,
    NoSuchInstance = 0x81,
    EndOfMibView = 0x82,
    /// <summary>Opaque float (net-snmp: Opaque { 0x9F 0x78 len=4 IEEE-754 single, big-endian }).</summary>
    OpaqueFloat = 0x1078,
    /// <summary>Opaque double (net-snmp: Opaque { 0x9F 0x79 len=8 IEEE-754 double, big-endian }).</summary>
    OpaqueDouble = 0x1079,
    /// <summary>Opaque counter64 (net-snmp 0x9F 0x76).</summary>
    OpaqueCounter64 = 0x1076,
    /// <summary>Opaque int64 (net-snmp 0x9F 0x7A).</summary>
    OpaqueInt64 = 0x107A,
    /// <summary>Opaque uint64 (net-snmp 0x9F 0x7B).</summary>
    OpaqueUInt64 = 0x107B,
}

/// <summary>PDU tags (RFC 3416). This client only ever sends Get, GetNext and GetBulk.</summary>
public enum PduType : byte
{
    GetRequest = 0xA0,
    GetNextRequest = 0xA1,
    Response = 0xA2,
    SetRequest = 0xA3,
    TrapV1 = 0xA4,
    GetBulkRequest = 0xA5,
    InformRequest = 0xA6,
    TrapV2 = 0xA7,
    Report = 0xA8,
}

/// <summary>error-status values (RFC 3416 §3).</summary>
public enum SnmpErrorStatus
{
    NoError = 0,
    TooBig = 1,
    NoSuchName = 2,
    BadValue = 3,
    ReadOnly = 4,
    GenErr = 5,
    NoAccess = 6,
    WrongType = 7,
    WrongLength = 8,
    WrongEncoding = 9,
    WrongValue = 10,
    NoCreation = 11,
    InconsistentValue = 12,
    ResourceUnavailable = 13,
    CommitFailed = 14,
    UndoFailed = 15,
    AuthorizationError = 16,
    NotWritable = 17,
    InconsistentName = 18,
}

/// <summary>Message version field (0 = v1, 1 = v2c, 3 = v3).</summary>
public enum SnmpVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}

/// <summary>A variable binding: an OID and its value.</summary>
public readonly record struct VarBind(Oid Oid, SnmpValue Value)
{
    /// <summary>A request varbind (value NULL).</summary>
    public static VarBind ForRequest(Oid oid) => new(oid, SnmpValue.Null);

    public override string ToString() => $"{Oid} = {Value}";
}
