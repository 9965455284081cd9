using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Gateway.Config;

/// <summary>Limits of the /datasets export route.</summary>
public sealed class DatasetConfig : IValidatableConfig
{
    /// <summary>Points per series per upstream query_range (Prometheus refuses more than 11,000).</summary>
    public int MaxPointsPerRequest { get; set; } = 11_000;

    /// <summary>Longest range one export may cover.</summary>
    public TimeSpan MaxRange { get; set; } = TimeSpan.FromDays(400);

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(MaxPointsPerRequest is > 0 and <= 11_000, "max_points_per_request", "must be between 1 and 11000");
        context.Require(MaxRange > TimeSpan.Zero, "max_range", "must be positive");
    }
}
