using Safe6G.Orchestration.Allocation;
using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Simulation;

/// <summary>How one strategy did on the simulated workload.</summary>
public sealed record SimulationResult(string Strategy, int ServicesPlaced, int ServicesRejected, int ComponentsPlaced,
    int IesOverCpu, int IesOverRam, double MeanCpu, double CpuSpread, double MaxCpu, int TrustFunctionsSplit);

/// <summary>
/// Places a workload service by service (all or nothing, like aeriOS) with three strategies and measures the
/// end state. After every placement the IE's usage grows by the component's demand, and every strategy sees
/// that: the baselines through the updated IE state, ours through its ledger over the initial state (the same
/// information). Baselines filter like aeriOS (aerios.md §7.2), which does not know a component's CPU demand.
/// </summary>
public static class PlacementSimulation
{
    public const string Metric = "metric-allocator";
    public const string Balancer = "entrypoint-balancer";
    public const string FirstFit = "first-fit";

    /// <summary>First-fit over our hard filter (capacity-aware): separates what scoring adds from what the filter adds.</summary>
    public const string FirstFitCapacity = "first-fit-capacity";

    public static IReadOnlyList<SimulationResult> RunAll(SimulatedContinuum continuum, Weights? weights = null) =>
        [Run(continuum, Metric, weights), Run(continuum, Balancer), Run(continuum, FirstFit), Run(continuum, FirstFitCapacity)];

    public static SimulationResult Run(SimulatedContinuum continuum, string strategy, Weights? weights = null)
    {
        var usage = continuum.Ies.ToDictionary(ie => ie.Id, ie => ie.CpuUsage!.Value, StringComparer.Ordinal);
        var ram = continuum.Ies.ToDictionary(ie => ie.Id, ie => ie.RamAvailableBytes!.Value, StringComparer.Ordinal);
        var active = continuum.Ies.ToDictionary(ie => ie.Id, _ => 0, StringComparer.Ordinal);
        var ledger = new PlacementLedger();
        var allocator = new MetricAllocator(weights ?? new Weights());
        var balancer = new BalancerState();
        int placedServices = 0, rejected = 0, placedComponents = 0, split = 0;

        foreach (var service in continuum.Services)
        {
            var done = new List<(ComponentRequest Request, IeState Ie)>();
            var ok = true;
            foreach (var request in service.Components)
            {
                IeState? choice;
                if (strategy == Metric)
                {
                    var decision = allocator.Decide(request, continuum.Ies, ledger);
                    choice = decision.Placed ? continuum.Ies.First(ie => ie.Id == decision.Ie) : null;
                    if (choice is not null) ledger.Reserve(request, choice.Id, choice.Domain);
                }
                else if (strategy == FirstFitCapacity)
                {
                    choice = continuum.Ies.FirstOrDefault(ie => HardFilter.Check(ie, request, ledger.LoadOf(ie.Id)) is null);
                    if (choice is not null) ledger.Reserve(request, choice.Id, choice.Domain);
                }
                else
                {
                    var current = continuum.Ies.Select(ie => Current(ie, usage, ram)).Where(ie => AeriosFilter(ie, request)).ToList();
                    choice = strategy == FirstFit ? current.FirstOrDefault() : balancer.Pick(current, active);
                }
                if (choice is null)
                {
                    ok = false;
                    break;
                }
                done.Add((request, choice));
                usage[choice.Id] += request.CpuCores / choice.CpuCores!.Value;
                ram[choice.Id] -= request.RamBytes;
                active[choice.Id]++;
            }
            if (!ok)
            {
                foreach (var (request, ie) in done)
                {
                    usage[ie.Id] -= request.CpuCores / ie.CpuCores!.Value;
                    ram[ie.Id] += request.RamBytes;
                    active[ie.Id]--;
                    ledger.Release(request.ServiceId, request.Component);
                }
                rejected++;
                continue;
            }
            placedServices++;
            placedComponents += done.Count;
            if (service.TrustFunction && done.Select(d => d.Ie.Domain).Distinct().Count() > 1)
                split++;
        }

        var ready = continuum.Ies.Where(ie => ie.Status == "Ready").Select(ie => usage[ie.Id]).ToList();
        var mean = ready.Average();
        var spread = Math.Sqrt(ready.Sum(u => (u - mean) * (u - mean)) / ready.Count);
        return new SimulationResult(strategy, placedServices, rejected, placedComponents,
            usage.Values.Count(u => u > 1 + 1e-9), ram.Values.Count(r => r < 0), Math.Round(mean, 4), Math.Round(spread, 4), Math.Round(ready.Max(), 4), split);
    }

    private static IeState Current(IeState ie, Dictionary<string, double> usage, Dictionary<string, double> ram) => new()
    {
        Id = ie.Id,
        Domain = ie.Domain,
        Hostname = ie.Hostname,
        Architecture = ie.Architecture,
        Status = ie.Status,
        CpuCores = ie.CpuCores,
        CpuUsage = usage[ie.Id],
        RamCapacityBytes = ie.RamCapacityBytes,
        RamAvailableBytes = ram[ie.Id],
        PowerWatts = ie.PowerWatts,
        EnergyEfficiency = ie.EnergyEfficiency,
        TrustScore = ie.TrustScore,
        Realtime = ie.Realtime,
    };

    /// <summary>aeriOS's candidate query (aerios.md §7.2): status Ready and the TOSCA constraints on the IE's current values; no CPU demand.</summary>
    public static bool AeriosFilter(IeState ie, ComponentRequest request)
    {
        var c = request.Constraints;
        return ie.Status == "Ready"
            && (c.MaxCpuUsage is not { } max || ie.CpuUsage < max)
            && (c.MemBytes is not { } mem || ie.RamAvailableBytes > mem)
            && (c.Architecture is not { } arch || ie.Architecture == arch)
            && (!c.Realtime || ie.Realtime == true)
            && (c.Domain is not { } d || ie.Domain == d)
            && (c.MinEnergyEfficiency is not { } e || ie.EnergyEfficiency >= e);
    }

    /// <summary>
    /// The Entrypoint Balancer's rule (aerios.md §7.5) applied to IEs instead of domains: score = active components /
    /// free-CPU fraction, lowest wins; an IE picked maxAssignments times in a row sits out the next maxAssignments − 1 picks.
    /// </summary>
    private sealed class BalancerState(int maxAssignments = 2)
    {
        private string? _last;
        private int _streak;
        private readonly Dictionary<string, int> _disabled = new(StringComparer.Ordinal);

        public IeState? Pick(List<IeState> candidates, Dictionary<string, int> active)
        {
            IeState? best = null;
            var bestScore = double.PositiveInfinity;
            foreach (var ie in candidates)
            {
                if (candidates.Count > 1 && _disabled.GetValueOrDefault(ie.Id) > 0)
                    continue;
                var free = 1 - ie.CpuUsage!.Value;
                var score = free <= 0 ? double.PositiveInfinity : active[ie.Id] / free;
                if (best is null || score < bestScore)
                {
                    best = ie;
                    bestScore = score;
                }
            }
            foreach (var key in _disabled.Keys.ToList())
                if (--_disabled[key] <= 0) _disabled.Remove(key);
            if (best is null) return null;
            _streak = best.Id == _last ? _streak + 1 : 1;
            _last = best.Id;
            if (_streak >= maxAssignments)
            {
                _disabled[best.Id] = maxAssignments - 1;
                _streak = 0;
            }
            return best;
        }
    }
}
