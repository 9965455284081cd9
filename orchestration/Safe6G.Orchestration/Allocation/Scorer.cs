using Safe6G.Orchestration.Continuum;

namespace Safe6G.Orchestration.Allocation;

/// <summary>
/// The weighted score of an eligible IE (orchestration/README.md, "Scoring"). Every term is 0..1, higher is
/// better; the total is Σ weightᵢ·termᵢ / Σ weights, so it is 0..1 too.
/// </summary>
public static class Scorer
{
    public const string FreeCpu = "free_cpu";
    public const string FreeRam = "free_ram";
    public const string Power = "power";
    public const string EnergyEfficiency = "energy_efficiency";
    public const string Trust = "trust";
    public const string Spread = "spread";
    public const string TrustFunctionDomain = "trust_function_domain";

    /// <summary>Neutral value for a term whose input is unknown and not constrained (power, energy efficiency).</summary>
    public const double Neutral = 0.5;

    public const int TermCount = 7;

    /// <summary>Fills <paramref name="terms"/> (length <see cref="TermCount"/>) with the raw term values.</summary>
    public static void Terms(IeState ie, ComponentRequest request, PlacementLedger.IeLoad load, double maxPower, string? tfDomain, Span<double> terms)
    {
        var cores = ie.CpuCores!.Value;
        terms[0] = Clamp((HardFilter.FreeCores(ie, load)!.Value - request.CpuCores) / cores);
        var capacity = ie.RamCapacityBytes is > 0 ? ie.RamCapacityBytes.Value : ie.RamAvailableBytes!.Value;
        terms[1] = capacity > 0 ? Clamp((HardFilter.FreeRam(ie, load)!.Value - request.RamBytes) / capacity) : 0;
        var power = ie.PowerWatts ?? ie.PowerAverageWatts;
        terms[2] = power is { } w && maxPower > 0 ? Clamp(1 - w / maxPower) : Neutral;
        terms[3] = ie.EnergyEfficiency is { } e ? Clamp(e) : Neutral;
        // Trust has to be earned: an IE without a trust score gets nothing for trust.
        terms[4] = ie.TrustScore is { } t ? Clamp(t) : 0;
        terms[5] = 1.0 / (1 + load.ComponentsByService.GetValueOrDefault(request.ServiceId));
        terms[6] = !request.TrustFunction || tfDomain is null || tfDomain == ie.Domain ? 1 : 0;
    }

    public static double[] WeightVector(Weights w)
    {
        var sum = w.Sum;
        return [w.FreeCpu / sum, w.FreeRam / sum, w.Power / sum, w.EnergyEfficiency / sum, w.Trust / sum, w.Spread / sum, w.TrustFunctionDomain / sum];
    }

    public static readonly string[] Names = [FreeCpu, FreeRam, Power, EnergyEfficiency, Trust, Spread, TrustFunctionDomain];

    private static double Clamp(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0, 1);
}
