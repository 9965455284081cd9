namespace Safe6G.Exporters.DataFabric;

/// <summary>The NGSI-LD entity types of the aeriOS continuum model (aerios.md §3) and SAFE-6G's additions (seed §2.1.1).</summary>
public static class EntityTypeNames
{
    /// <summary>Domain.</summary>
    public const string Domain = "Domain";

    /// <summary>InfrastructureElement (a node).</summary>
    public const string InfrastructureElement = "InfrastructureElement";

    /// <summary>LowLevelOrchestrator.</summary>
    public const string LowLevelOrchestrator = "LowLevelOrchestrator";

    /// <summary>Service.</summary>
    public const string Service = "Service";

    /// <summary>ServiceComponent.</summary>
    public const string ServiceComponent = "ServiceComponent";

    /// <summary>InfrastructureElementRequirements.</summary>
    public const string InfrastructureElementRequirements = "InfrastructureElementRequirements";

    /// <summary>NetworkPort.</summary>
    public const string NetworkPort = "NetworkPort";

    /// <summary>ServiceLifecycle (SAFE-6G).</summary>
    public const string ServiceLifecycle = "ServiceLifecycle";

    /// <summary>Every type the exporter reads by default.</summary>
    public static readonly string[] All =
        [Domain, InfrastructureElement, LowLevelOrchestrator, Service, ServiceComponent, InfrastructureElementRequirements, NetworkPort, ServiceLifecycle];
}
