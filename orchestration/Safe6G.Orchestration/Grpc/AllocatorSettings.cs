using Safe6G.Orchestration.Allocation;

namespace Safe6G.Orchestration.Grpc;

/// <summary>Scoring and default demand for the stateless gRPC allocator.</summary>
public sealed record AllocatorSettings(Weights Weights, int ExplainTop, double DefaultCpuCores, double DefaultRamBytes);
