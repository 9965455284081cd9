using Safe6G.Orchestration.Allocation;

namespace Safe6G.Orchestration.Lifecycle;

/// <summary>What the lifecycle manager needs from the configuration.</summary>
public sealed record OrchestratorOptions
{
    public string Namespace { get; init; } = "safe6g-services";
    public double DefaultCpuCores { get; init; } = 0.1;
    public double DefaultRamBytes { get; init; } = 256e6;
    public Weights Weights { get; init; } = new();
    public int ExplainTop { get; init; } = 5;
}
