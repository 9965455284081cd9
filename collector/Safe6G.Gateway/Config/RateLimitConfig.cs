using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Gateway.Config;

/// <summary>
/// A tenant's request budget: a token bucket refilled at <see cref="RequestsPerSecond"/> holding at most
/// <see cref="Burst"/> requests. One tenant's dashboards or training-data jobs cannot starve the others of the shared
/// Thanos and Loki; a request over budget gets 429 with Retry-After and is never queued.
/// </summary>
public sealed class RateLimitConfig : IValidatableConfig
{
    /// <summary>Sustained requests per second (fractions allowed, e.g. 0.5).</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Requests allowed at once after a quiet spell; defaults to twice the per-second rate (at least 1).</summary>
    public int? Burst { get; set; }

    /// <summary>The bucket size in effect.</summary>
    public int EffectiveBurst => Burst ?? Math.Max(1, (int)Math.Ceiling(RequestsPerSecond * 2));

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(RequestsPerSecond is > 0 and <= 1_000_000, "requests_per_second", "must be above 0 (and at most 1000000)");
        context.Require(Burst is null or (>= 1 and <= 1_000_000), "burst", "must be between 1 and 1000000");
    }
}
