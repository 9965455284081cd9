using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Gateway.Config;

/// <summary>JWT validation: where the keys come from, whom the tokens must name, which claims carry what.</summary>
public sealed class AuthConfig : IValidatableConfig
{
    /// <summary>Local JWKS file (one of jwks_file / jwks_url).</summary>
    public string? JwksFile { get; set; }

    /// <summary>JWKS URL, fetched on start, cached, refetched when a token names an unknown kid.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Shortest time between two refetches (a flood of bad kids cannot hammer the key server).</summary>
    public TimeSpan JwksMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Cached keys are refetched after this even without unknown kids.</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Required iss.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Required aud (one of).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Tolerance on exp and nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Claim holding the tenant name.</summary>
    public string TenantClaim { get; set; } = "tenant";

    /// <summary>Claims holding scopes/roles (space-separated string or array).</summary>
    public List<string> ScopeClaims { get; set; } = ["scope", "scp", "roles"];

    /// <summary>Scope required per route family.</summary>
    public RouteScopes Scopes { get; set; } = new();

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        var sources = (string.IsNullOrEmpty(JwksFile) ? 0 : 1) + (string.IsNullOrEmpty(JwksUrl) ? 0 : 1);
        context.Require(sources == 1, "jwks_file", "set exactly one of jwks_file and jwks_url");
        if (!string.IsNullOrEmpty(JwksFile))
        {
            context.Require(File.Exists(JwksFile), "jwks_file", $"file not found: {JwksFile}");
        }

        if (!string.IsNullOrEmpty(JwksUrl))
        {
            context.Require(Uri.TryCreate(JwksUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "jwks_url", "must be an absolute http(s) URL");
        }

        context.Require(Issuer.Length > 0, "issuer", "required: tokens from any issuer would otherwise be accepted");
        context.Require(Audiences.Count > 0, "audiences", "name at least one audience");
        context.Require(ClockSkew >= TimeSpan.Zero && ClockSkew <= TimeSpan.FromMinutes(5), "clock_skew", "must be between 0s and 5m");
        context.Require(TenantClaim.Length > 0, "tenant_claim", "required");
        context.Require(ScopeClaims.Count > 0, "scope_claims", "name at least one claim");
        context.Require(JwksMinRefreshInterval >= TimeSpan.Zero, "jwks_min_refresh_interval", "must not be negative");
    }
}

/// <summary>The scope (or role) each route family requires; an empty value means any valid token.</summary>
public sealed class RouteScopes
{
    /// <summary>/thanos routes.</summary>
    public string Metrics { get; set; } = "metrics:read";

    /// <summary>/loki routes.</summary>
    public string Logs { get; set; } = "logs:read";

    /// <summary>/datasets routes.</summary>
    public string Datasets { get; set; } = "datasets:export";
}
