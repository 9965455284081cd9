using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Gateway.Config;

/// <summary>One upstream HTTP API (Thanos Query or Loki).</summary>
public sealed class UpstreamConfig : IValidatableConfig
{
    /// <summary>Base URL; the API paths (/api/v1/..., /loki/api/v1/...) are appended.</summary>
    public string Url { get; set; } = "";

    /// <summary>Deadline of one proxied request, headers and body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bounded connection pool per upstream.</summary>
    public int MaxConnections { get; set; } = 64;

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "url", "must be an absolute http(s) URL");
        context.Require(Timeout > TimeSpan.Zero, "timeout", "must be positive");
        context.Require(MaxConnections > 0, "max_connections", "must be positive");
    }
}
