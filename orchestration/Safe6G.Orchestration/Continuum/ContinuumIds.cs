namespace Safe6G.Orchestration.Continuum;

/// <summary>Conversions between NGSI-LD URNs and the short ids the exporter uses as label values.</summary>
public static class ContinuumIds
{
    public const string IePrefix = "urn:ngsi-ld:InfrastructureElement:";
    public const string DomainPrefix = "urn:ngsi-ld:Domain:";
    public const string ServicePrefix = "urn:ngsi-ld:Service:";

    public static string IeUrn(string shortId) => shortId.StartsWith(IePrefix, StringComparison.Ordinal) ? shortId : IePrefix + shortId;

    public static string IeShort(string id) => id.StartsWith(IePrefix, StringComparison.Ordinal) ? id[IePrefix.Length..] : id;

    public static string DomainShort(string id) => id.StartsWith(DomainPrefix, StringComparison.Ordinal) ? id[DomainPrefix.Length..] : id;

    public static string ServiceUrn(string serviceId) => ServicePrefix + serviceId;

    /// <summary>The component id the way aeriOS and the simulator build it (<c>&lt;service urn&gt;:Component:&lt;name&gt;</c>), which the exporter parses back.</summary>
    public static string ComponentUrn(string serviceId, string component) => $"{ServiceUrn(serviceId)}:Component:{component}";
}
