using BenchmarkDotNet.Attributes;
using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Bench;

/// <summary>Filter + score + explanation for one component over N candidate IEs (issue 9 target: 10,000 in ≤ 10 ms, linear).</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private IReadOnlyList<IeState> _ies = [];
    private PlacementLedger _ledger = new();
    private MetricAllocator _allocator = new(new Weights());
    private ComponentRequest _request = null!;

    [Params(1_000, 10_000, 20_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ies = CandidateSet.Generate(Candidates);
        _ledger = new PlacementLedger();
        // A loaded continuum: every tenth IE already holds one of our components.
        for (var i = 0; i < _ies.Count; i += 10)
            _ledger.Reserve(new ComponentRequest($"s{i}", "c", 0.5, 256e6, new PlacementConstraints(), i % 20 == 0), _ies[i].Id, _ies[i].Domain);
        _allocator = new MetricAllocator(new Weights());
        _request = new ComponentRequest("svc", "web", 1, 1e9,
            new PlacementConstraints { MaxCpuUsage = 0.8, MemBytes = 1e9, Architecture = "AMD64", MinEnergyEfficiency = 0.2 }, true);
    }

    [Benchmark]
    public AllocationDecision Decide() => _allocator.Decide(_request, _ies, _ledger);
}

/// <summary>Synthetic IE states with the simulator's mix (architectures, statuses, unknowns).</summary>
internal static class CandidateSet
{
    public static IReadOnlyList<IeState> Generate(int n, int seed = 1)
    {
        var rng = new Random(seed);
        var list = new List<IeState>(n);
        string[] domains = ["upv", "ncsrd", "i2cat", "cumucore"];
        for (var i = 0; i < n; i++)
        {
            var cores = new[] { 2, 4, 8, 16, 32, 64 }[rng.Next(6)];
            var ram = cores * 2e9;
            var unknown = rng.NextDouble() < 0.08;
            list.Add(new IeState
            {
                Id = $"{domains[i % 4]}:{i:x12}",
                Domain = domains[i % 4],
                Hostname = $"node-{i}",
                Architecture = rng.NextDouble() < 0.6 ? "AMD64" : "ARM64",
                Status = rng.NextDouble() < 0.85 ? "Ready" : "Overload",
                CpuCores = cores,
                CpuUsage = unknown ? null : rng.NextDouble(),
                RamCapacityBytes = ram,
                RamAvailableBytes = unknown ? null : ram * rng.NextDouble(),
                PowerWatts = rng.NextDouble() < 0.2 ? null : cores * 10 * rng.NextDouble(),
                EnergyEfficiency = rng.NextDouble(),
                TrustScore = rng.NextDouble() < 0.3 ? null : 0.5 + 0.5 * rng.NextDouble(),
                Realtime = rng.NextDouble() < 0.2,
            });
        }
        return list;
    }
}
