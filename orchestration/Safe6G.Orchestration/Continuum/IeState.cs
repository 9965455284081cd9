namespace Safe6G.Orchestration.Continuum;

/// <summary>
/// What the allocator knows about one infrastructure element, read from the Data Fabric exporter's series.
/// A null value means no sample (aeriOS's -1, "not measured yet"): unknown, never zero.
/// </summary>
public sealed class IeState
{
    /// <summary>IE id without the <c>urn:ngsi-ld:InfrastructureElement:</c> prefix, e.g. <c>upv:02adbf000000</c> (the exporter's <c>ie</c> label).</summary>
    public required string Id { get; init; }

    /// <summary>Domain short name (the exporter's <c>domain</c> label).</summary>
    public required string Domain { get; init; }

    public string Hostname { get; init; } = "";
    public string Tier { get; init; } = "";

    /// <summary>AMD64, ARM64, RISC-V… ("" when unknown).</summary>
    public string Architecture { get; init; } = "";

    public string ContainerTechnology { get; init; } = "";
    public string LowLevelOrchestrator { get; init; } = "";

    /// <summary>Ready, Overload, Unsecure, Untrusted, Disabled, Maintenance; null when no status series is 1.</summary>
    public string? Status { get; init; }

    public double? CpuCores { get; init; }

    /// <summary>Whole-IE CPU usage, 0..1.</summary>
    public double? CpuUsage { get; init; }

    public double? RamCapacityBytes { get; init; }
    public double? RamAvailableBytes { get; init; }
    public double? PowerWatts { get; init; }
    public double? PowerAverageWatts { get; init; }
    public double? EnergyEfficiency { get; init; }
    public double? TrustScore { get; init; }
    public bool? Realtime { get; init; }

    /// <summary>The full NGSI-LD id.</summary>
    public string Urn => ContinuumIds.IeUrn(Id);
}
