using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Orchestration.Allocation;

/// <summary>Weights of the scoring terms (orchestration/README.md, "Scoring"); normalised by their sum when used.</summary>
public sealed class Weights : IValidatableConfig
{
    public double FreeCpu { get; set; } = 0.25;
    public double FreeRam { get; set; } = 0.20;
    public double Power { get; set; } = 0.10;
    public double EnergyEfficiency { get; set; } = 0.10;
    public double Trust { get; set; } = 0.15;
    public double Spread { get; set; } = 0.10;
    public double TrustFunctionDomain { get; set; } = 0.10;

    public double Sum => FreeCpu + FreeRam + Power + EnergyEfficiency + Trust + Spread + TrustFunctionDomain;

    public void Validate(ConfigValidationContext context)
    {
        foreach (var (field, value) in new[] { ("free_cpu", FreeCpu), ("free_ram", FreeRam), ("power", Power), ("energy_efficiency", EnergyEfficiency),
                     ("trust", Trust), ("spread", Spread), ("trust_function_domain", TrustFunctionDomain) })
            context.Require(double.IsFinite(value) && value >= 0, field, "must be a number >= 0");
        if (FreeCpu >= 0 && FreeRam >= 0 && Power >= 0 && EnergyEfficiency >= 0 && Trust >= 0 && Spread >= 0 && TrustFunctionDomain >= 0)
            context.Require(Sum > 0, "free_cpu", "the weights must not all be 0");
    }
}
