using System.Globalization;
using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Allocation;

/// <summary>
/// The hard constraints (aeriOS's candidate filter, aerios.md §7.2, plus capacity after placement). Unknown
/// values (no sample; aeriOS's -1) never satisfy a constraint: an IE that cannot be shown to fit is rejected,
/// with a reason saying the value is unknown. The rule check allocates nothing; the reason text is built only
/// for the rejections an explanation shows.
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

    /// <summary>Rule names by the index <see cref="Rule"/> returns.</summary>
    public static readonly string[] RuleNames =
    [
        Rules.NotPreselected, Rules.Excluded, Rules.Status, Rules.CpuUnknown, Rules.RamUnknown, Rules.CpuUsage,
        Rules.CpuCapacity, Rules.RamCapacity, Rules.Architecture, Rules.Realtime, Rules.Domain, Rules.EnergyEfficiency,
    ];

    /// <summary>Free cores after our reservations (before this component); null when unknown.</summary>
    public static double? FreeCores(IeState ie, PlacementLedger.IeLoad load) =>
        ie.CpuCores is { } cores && ie.CpuUsage is { } usage ? cores * (1 - usage) - load.Cores : null;

    /// <summary>Free RAM after our reservations (before this component); null when unknown.</summary>
    public static double? FreeRam(IeState ie, PlacementLedger.IeLoad load) => ie.RamAvailableBytes is { } available ? available - load.RamBytes : null;

    /// <summary>The first rule the IE fails (an index into <see cref="RuleNames"/>), or -1 when it passes.</summary>
    public static int Rule(IeState ie, ComponentRequest request, PlacementLedger.IeLoad load)
    {
        var c = request.Constraints;
        if (c.IeIds.Count > 0 && !Contains(c.IeIds, ie.Id)) return 0;
        if (request.ExcludeIe is not null && request.ExcludeIe == ie.Id) return 1;
        if (ie.Status != "Ready") return 2;
        if (ie.CpuCores is not { } cores || ie.CpuUsage is not { } usage) return 3;
        if (ie.RamAvailableBytes is not { } available) return 4;
        // aeriOS: currentCpuUsage < requiredCpuUsage; our own placements count as usage already.
        if (c.MaxCpuUsage is { } maxUsage && !(usage + load.Cores / cores < maxUsage)) return 5;
        if (cores * (1 - usage) - load.Cores < request.CpuCores) return 6;
        // aeriOS: availableRam > requiredRam.
        if (!(available - load.RamBytes > request.RamBytes)) return 7;
        if (c.Architecture is { } arch && ie.Architecture != arch) return 8;
        if (c.Realtime && ie.Realtime is not true) return 9;
        if (c.Domain is { } domain && ie.Domain != domain) return 10;
        if (c.MinEnergyEfficiency is { } minEfficiency && !(ie.EnergyEfficiency >= minEfficiency)) return 11;
        return -1;
    }

    /// <summary>Why the IE fails rule <paramref name="rule"/>, in words.</summary>
    public static string Reason(int rule, IeState ie, ComponentRequest request, PlacementLedger.IeLoad load)
    {
        var c = request.Constraints;
        return rule switch
        {
            0 => "not one of the pre-selected IEs",
            1 => "the IE the component is leaving",
            2 => ie.Status is null ? "status unknown (no status series is 1)" : $"status {ie.Status}, not Ready",
            3 => ie.CpuCores is null ? "CPU cores unknown" : "CPU usage unknown",
            4 => "available RAM unknown",
            5 => Invariant($"CPU usage {ie.CpuUsage!.Value + load.Cores / ie.CpuCores!.Value:0.###} not below {c.MaxCpuUsage:0.###}"),
            6 => Invariant($"{Math.Max(0, FreeCores(ie, load)!.Value):0.###} free cores, needs {request.CpuCores:0.###}"),
            7 => Invariant($"{Math.Max(0, FreeRam(ie, load)!.Value) / 1e6:0.#} MB free, needs more than {request.RamBytes / 1e6:0.#} MB"),
            8 => ie.Architecture.Length == 0 ? "CPU architecture unknown" : $"architecture {ie.Architecture}, needs {c.Architecture}",
            9 => ie.Realtime is null ? "real-time capability unknown" : "not real-time capable",
            10 => $"domain {ie.Domain}, needs {c.Domain}",
            11 => ie.EnergyEfficiency is { } e ? Invariant($"energy efficiency {e:0.###} below {c.MinEnergyEfficiency:0.###}") : "energy efficiency unknown",
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    /// <summary>The failed rule and its reason, or null when the IE passes.</summary>
    public static (string Rule, string Reason)? Check(IeState ie, ComponentRequest request, PlacementLedger.IeLoad load)
    {
        var rule = Rule(ie, request, load);
        return rule < 0 ? null : (RuleNames[rule], Reason(rule, ie, request, load));
    }

    private static bool Contains(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
            if (string.Equals(ids[i], id, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
