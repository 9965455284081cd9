namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>A network slice instance: its name and S-NSSAI (sd empty when the slice has none).</summary>
public sealed record Slice(string Name, int Sst, string Sd, string Plmn, bool Active, double? DownlinkBitsPerSecond, double? UplinkBitsPerSecond);

/// <summary>A provisioned subscriber (only the fields metrics need; keys k/opc are never read).</summary>
public sealed record Subscriber(string Imsi, string Slice, string Profile);

/// <summary>A subscription profile: DNN, 5QI and session AMBR.</summary>
public sealed record SubscriptionProfile(string Id, string Dnn, int? FiveQi, double? UplinkAmbrBitsPerSecond, double? DownlinkAmbrBitsPerSecond);

/// <summary>A UPF and the DNNs it serves.</summary>
public sealed record Upf(string Id, IReadOnlyList<string> Dnns);

/// <summary>Bytes a UE sent and received since the start of the report window.</summary>
public sealed record UeUsage(string Imsi, double UplinkBytes, double DownlinkBytes);

/// <summary>Active PDU sessions for one S-NSSAI and DNN.</summary>
public sealed record SessionCount(int Sst, string Sd, string Dnn, double Sessions);

/// <summary>A gNB known to the core's AMF.</summary>
public sealed record GnbStatus(string Id, string Name, string Plmn, string Tac, string Status, double? ConnectedUes);
