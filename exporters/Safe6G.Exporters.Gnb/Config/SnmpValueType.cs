namespace Safe6G.Exporters.Gnb.Config;

/// <summary>The <c>type:</c> of a metric, index or lookup, with snmp_exporter's spelling.</summary>
internal enum SnmpValueType
{
    Unknown,
    /// <summary><c>gauge</c> (and for indexes also <c>Integer32</c>, <c>Integer</c>): a number.</summary>
    Gauge,
    /// <summary><c>counter</c>: a number exposed as a counter.</summary>
    Counter,
    /// <summary><c>Float</c> / <c>Double</c>: Opaque floats as gauges.</summary>
    Float,
    /// <summary><c>DisplayString</c>: text as a label, value 1.</summary>
    DisplayString,
    /// <summary><c>OctetString</c>: bytes as <c>0xHEX</c> in a label, value 1.</summary>
    OctetString,
    /// <summary><c>PhysAddress48</c>: a MAC address <c>AA:BB:CC:DD:EE:FF</c> in a label.</summary>
    PhysAddress48,
    /// <summary><c>InetAddressIPv4</c> / <c>IpAddr</c>: a dotted IPv4 address in a label.</summary>
    InetAddressIPv4,
    /// <summary><c>EnumAsInfo</c>: one <c>_info</c> series whose label is the enum name.</summary>
    EnumAsInfo,
    /// <summary><c>EnumAsStateSet</c>: one series per enum value, 1 for the current one.</summary>
    EnumAsStateSet,
}

/// <summary>Parses the type names the config accepts in each place.</summary>
internal static class SnmpValueTypes
{
    public const string MetricTypes = "gauge, counter, Float, Double, DisplayString, OctetString, PhysAddress48, InetAddressIPv4, IpAddr, EnumAsInfo, EnumAsStateSet";
    public const string IndexTypes = "gauge, Integer32, Integer, counter, DisplayString, OctetString, PhysAddress48, InetAddressIPv4, EnumAsInfo";
    public const string LookupTypes = "gauge, Integer32, counter, DisplayString, OctetString, PhysAddress48, InetAddressIPv4, IpAddr, EnumAsInfo";

    public static SnmpValueType ParseMetric(string? text) => text switch
    {
        "gauge" => SnmpValueType.Gauge,
        "counter" => SnmpValueType.Counter,
        "Float" or "Double" => SnmpValueType.Float,
        "DisplayString" => SnmpValueType.DisplayString,
        "OctetString" => SnmpValueType.OctetString,
        "PhysAddress48" => SnmpValueType.PhysAddress48,
        "InetAddressIPv4" or "IpAddr" => SnmpValueType.InetAddressIPv4,
        "EnumAsInfo" => SnmpValueType.EnumAsInfo,
        "EnumAsStateSet" => SnmpValueType.EnumAsStateSet,
        _ => SnmpValueType.Unknown,
    };

    public static SnmpValueType ParseIndex(string? text) => text switch
    {
        "gauge" or "Integer32" or "Integer" or "counter" => SnmpValueType.Gauge,
        "DisplayString" => SnmpValueType.DisplayString,
        "OctetString" => SnmpValueType.OctetString,
        "PhysAddress48" => SnmpValueType.PhysAddress48,
        "InetAddressIPv4" => SnmpValueType.InetAddressIPv4,
        "EnumAsInfo" => SnmpValueType.EnumAsInfo,
        _ => SnmpValueType.Unknown,
    };

    public static SnmpValueType ParseLookup(string? text) => text switch
    {
        "gauge" or "Integer32" or "Integer" or "counter" => SnmpValueType.Gauge,
        "DisplayString" => SnmpValueType.DisplayString,
        "OctetString" => SnmpValueType.OctetString,
        "PhysAddress48" => SnmpValueType.PhysAddress48,
        "InetAddressIPv4" or "IpAddr" => SnmpValueType.InetAddressIPv4,
        "EnumAsInfo" => SnmpValueType.EnumAsInfo,
        _ => SnmpValueType.Unknown,
    };
}
