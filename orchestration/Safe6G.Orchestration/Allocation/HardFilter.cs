using System.Globalization;
using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Allocation;

/// <summary>
/// The hard constraints (aeriOS's candidate filter, aerios.md §7.2, plus capacity after placement). Unknown
/// values (no sample; aeriOS's -1) never satisfy a constraint: an IE that cannot be shown to fit is rejected,
/// with a reason saying the value is unknown. Returns null when the IE passes.
/// </summary>
public static class HardFilter
{
    /// <summary>Rule names, as they appear in the explanation's rejections_by_rule.</summary>
    public static class Rules
    {
        public const string NotPreselected = "not_preselected";
        public const string Excluded = "excluded";
        public const string Status = "status";
        public const string CpuUnknown = "cpu_unknown";
        public const string RamUnknown = "ram_unknown";
        public const string CpuUsage = "cpu_usage";
        public const string CpuCapacity = "cpu_capacity";
        public const string RamCapacity = "ram_capacity";
        public const string Architecture = "architecture";
        public const string Realtime = "realtime";
        public const string Domain = "domain";
        public const string EnergyEfficiency = "energy_efficiency";
    }

    /// <summary>Free cores after our reservations (before this component); null when unknown.</summary>
    public static double? FreeCores(IeState ie, PlacementLedger.IeLoad load) =>
        ie.CpuCores is { } cores && ie.CpuUsage is { } usage ? cores * (1 - usage) - load.Cores : null;

    /// <summary>Free RAM after our reservations (before this component); null when unknown.</summary>
    public static double? FreeRam(IeState ie, PlacementLedger.IeLoad load) => ie.RamAvailableBytes is { } available ? available - load.RamBytes : null;

    public static (string Rule, string Reason)? Check(IeState ie, ComponentRequest request, PlacementLedger.IeLoad load)
    {
        var c = request.Constraints;
        if (c.IeIds.Count > 0 && !c.IeIds.Contains(ie.Id, StringComparer.Ordinal))
            return (Rules.NotPreselected, "not one of the pre-selected IEs");
        if (request.ExcludeIe == ie.Id)
            return (Rules.Excluded, "the IE the component is leaving");
        if (ie.Status != "Ready")
            return (Rules.Status, ie.Status is null ? "status unknown (no status series is 1)" : $"status {ie.Status}, not Ready");
        if (FreeCores(ie, load) is not { } freeCores)
            return (Rules.CpuUnknown, ie.CpuCores is null ? "CPU cores unknown" : "CPU usage unknown");
        if (FreeRam(ie, load) is not { } freeRam)
            return (Rules.RamUnknown, "available RAM unknown");
        if (c.MaxCpuUsage is { } maxUsage)
        {
            // aeriOS: currentCpuUsage < requiredCpuUsage; our own placements count as usage already.
            var usage = ie.CpuUsage!.Value + load.Cores / ie.CpuCores!.Value;
            if (!(usage < maxUsage))
                return (Rules.CpuUsage, Invariant($"CPU usage {usage:0.###} not below {maxUsage:0.###}"));
        }
        if (freeCores < request.CpuCores)
            return (Rules.CpuCapacity, Invariant($"{Math.Max(0, freeCores):0.###} free cores, needs {request.CpuCores:0.###}"));
        // aeriOS: availableRam > requiredRam.
        if (!(freeRam > request.RamBytes))
            return (Rules.RamCapacity, Invariant($"{Math.Max(0, freeRam) / 1e6:0.#} MB free, needs more than {request.RamBytes / 1e6:0.#} MB"));
        if (c.Architecture is { } arch && ie.Architecture != arch)
            return (Rules.Architecture, ie.Architecture.Length == 0 ? "CPU architecture unknown" : $"architecture {ie.Architecture}, needs {arch}");
        if (c.Realtime && ie.Realtime is not true)
            return (Rules.Realtime, ie.Realtime is null ? "real-time capability unknown" : "not real-time capable");
        if (c.Domain is { } domain && ie.Domain != domain)
            return (Rules.Domain, $"domain {ie.Domain}, needs {domain}");
        if (c.MinEnergyEfficiency is { } minEfficiency && !(ie.EnergyEfficiency >= minEfficiency))
            return (Rules.EnergyEfficiency, ie.EnergyEfficiency is { } e
                ? Invariant($"energy efficiency {e:0.###} below {minEfficiency:0.###}")
                : "energy efficiency unknown");
        return null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
