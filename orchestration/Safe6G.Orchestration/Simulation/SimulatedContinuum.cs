using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;
using Safe6G.Orchestration.Tosca;

namespace Safe6G.Orchestration.Simulation;

/// <summary>A seeded continuum and workload for the placement simulation (issue 9: 200 services onto 50 IEs).</summary>
public sealed record SimulatedContinuum(IReadOnlyList<IeState> Ies, IReadOnlyList<SimulatedService> Services)
{
    private static readonly string[] Domains = ["upv", "ncsrd", "i2cat"];

    /// <summary>Deterministic for a seed (System.Random with a seed is stable within one runtime, enough for a comparison run).</summary>
    /// <summary><paramref name="demandScale"/> multiplies every component's CPU demand (1 = the workload over-subscribes CPU).</summary>
    public static SimulatedContinuum Generate(int ies = 50, int services = 200, int seed = 9, double demandScale = 1)
    {
        var rng = new Random(seed);
        var list = new List<IeState>(ies);
        for (var i = 0; i < ies; i++)
        {
            var cores = new[] { 4, 8, 16, 32 }[rng.Next(4)];
            var ram = cores * new[] { 2e9, 4e9, 8e9 }[rng.Next(3)];
            var usage = Math.Round(0.1 + 0.4 * rng.NextDouble(), 3);
            var roll = rng.NextDouble();
            list.Add(new IeState
            {
                Id = $"{Domains[i % 3]}:{i:x12}",
                Domain = Domains[i % 3],
                Hostname = $"{Domains[i % 3]}-node-{i:D4}",
                Architecture = rng.NextDouble() < 0.7 ? "AMD64" : "ARM64",
                Status = roll < 0.9 ? "Ready" : roll < 0.95 ? "Overload" : "Maintenance",
                CpuCores = cores,
                CpuUsage = usage,
                RamCapacityBytes = ram,
                RamAvailableBytes = Math.Round(ram * (0.5 + 0.4 * rng.NextDouble())),
                PowerWatts = Math.Round(cores * (5 + 10 * rng.NextDouble()), 1),
                EnergyEfficiency = Math.Round(rng.NextDouble(), 2),
                TrustScore = rng.NextDouble() < 0.2 ? null : Math.Round(0.5 + 0.5 * rng.NextDouble(), 2),
                Realtime = rng.NextDouble() < 0.2,
            });
        }
        var svcs = new List<SimulatedService>(services);
        for (var s = 0; s < services; s++)
        {
            var tf = rng.NextDouble() < 0.4;
            var components = new List<ComponentRequest>();
            var count = 1 + rng.Next(3);
            for (var c = 0; c < count; c++)
            {
                var constraints = new PlacementConstraints
                {
                    MaxCpuUsage = rng.NextDouble() < 0.3 ? 0.8 : null,
                    Architecture = rng.NextDouble() < 0.25 ? "AMD64" : null,
                    Realtime = rng.NextDouble() < 0.1,
                    Domain = rng.NextDouble() < 0.1 ? Domains[rng.Next(3)] : null,
                    MinEnergyEfficiency = rng.NextDouble() < 0.1 ? 0.3 : null,
                };
                var cpu = new[] { 0.5, 1, 2, 3 }[rng.Next(4)] * demandScale;
                var mem = new[] { 256e6, 512e6, 1e9, 2e9, 4e9 }[rng.Next(5)];
                components.Add(new ComponentRequest($"svc-{s:D3}", $"c{c}", cpu, mem, constraints with { NumCpus = cpu, MemBytes = mem }, tf));
            }
            svcs.Add(new SimulatedService($"svc-{s:D3}", tf, components));
        }
        return new SimulatedContinuum(list, svcs);
    }
}

/// <summary>One service of the simulated workload.</summary>
public sealed record SimulatedService(string Id, bool TrustFunction, IReadOnlyList<ComponentRequest> Components);
