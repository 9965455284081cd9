namespace Safe6G.Orchestration.Tosca;

/// <summary>
/// host.node_filter of a component: pre-selected IEs (manual / semi-automatic placement) or capability
/// constraints (automatic), in the units of the Data Fabric series (ratios 0..1, bytes, AMD64/ARM64 spellings).
/// </summary>
public sealed record PlacementConstraints
{
    /// <summary>Pre-selected IEs (short ids, no urn prefix); empty = automatic placement.</summary>
    public IReadOnlyList<string> IeIds { get; init; } = [];

    /// <summary>cpu_usage less_or_equal: the IE's CPU usage must be below this ratio (aeriOS: currentCpuUsage &lt; requiredCpuUsage).</summary>
    public double? MaxCpuUsage { get; init; }

    /// <summary>mem_size greater_or_equal, in bytes: the component's RAM; the IE's free RAM must exceed it.</summary>
    public double? MemBytes { get; init; }

    /// <summary>num_cpus (standard TOSCA Compute property; a SAFE-6G addition here): the component's CPU demand in cores.</summary>
    public double? NumCpus { get; init; }

    /// <summary>cpu_arch equal, normalised: AMD64, ARM64, ARM32, RISC-V.</summary>
    public string? Architecture { get; init; }

    /// <summary>realtime equal true (aeriOS adds the condition only when true).</summary>
    public bool Realtime { get; init; }

    /// <summary>domain_id equal, short name.</summary>
    public string? Domain { get; init; }

    /// <summary>energy_efficiency greater_or_equal, ratio 0..1.</summary>
    public double? MinEnergyEfficiency { get; init; }

    /// <summary>green greater_or_equal: recorded, not applied (as in aeriOS: the IE series has no green ratio).</summary>
    public double? Green { get; init; }

    /// <summary>area coordinates: recorded, not applied (as in aeriOS).</summary>
    public IReadOnlyList<double[]> Area { get; init; } = [];
}
