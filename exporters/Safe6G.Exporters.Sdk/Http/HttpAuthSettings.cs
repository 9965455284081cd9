using System.Net.Http.Headers;
using System.Text;
using Safe6G.Exporters.Sdk.Config;

namespace Safe6G.Exporters.Sdk.Http;

/// <summary>Static upstream credentials: a bearer token or HTTP basic auth (never logged, never a label).</summary>
public sealed class HttpAuthSettings : IValidatableConfig
{
    /// <summary>Sent as <c>Authorization: Bearer TOKEN</c>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Sent as <c>Authorization: Basic …</c>.</summary>
    public BasicAuthSettings? BasicAuth { get; set; }

    /// <summary>The header to send, or null.</summary>
    public AuthenticationHeaderValue? Header() =>
        BearerToken is { } token ? new AuthenticationHeaderValue("Bearer", token)
        : BasicAuth is { } basic ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}")))
        : null;

    /// <summary>
    /// Validates <paramref name="auth"/> as the section <paramref name="field"/> of <paramref name="parent"/>; the
    /// "exactly one" rule is reported on the section itself (a field path of "" would print as <c>auth.</c>).
    /// </summary>
    public static void Validate(ConfigValidationContext parent, string field, HttpAuthSettings? auth)
    {
        if (auth is null)
            return;
        parent.Require((auth.BearerToken is null) != (auth.BasicAuth is null), field, "set exactly one of bearer_token or basic_auth");
        parent.Validate(field, auth);
    }

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context)
    {
        context.Require(BearerToken is null || BearerToken.Length > 0, "bearer_token", "must not be empty");
        context.Validate("basic_auth", BasicAuth);
    }
}

/// <summary>HTTP basic auth credentials.</summary>
public sealed class BasicAuthSettings : IValidatableConfig
{
    /// <summary>User name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password.</summary>
    public string Password { get; set; } = "";

    /// <inheritdoc />
    public void Validate(ConfigValidationContext context) =>
        context.Require(Username.Length > 0 && !Username.Contains(':', StringComparison.Ordinal), "username", "is required and must not contain ':'");
}
