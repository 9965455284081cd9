using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Allocation;

/// <summary>What one component needs: its demand (cores, bytes), its host constraints, and what it belongs to.</summary>
public sealed record ComponentRequest(string ServiceId, string Component, double CpuCores, double RamBytes, PlacementConstraints Constraints,
    bool TrustFunction)
{
    /// <summary>An IE the component must leave (re-allocation away from an overloaded IE).</summary>
    public string? ExcludeIe { get; init; }
}
