using System.Net.Http.Headers;
using System.Text;

namespace Safe6G.Dashboards.Grafana;

/// <summary>How to authenticate to Grafana: a service account token (Bearer), basic auth, or nothing (anonymous).</summary>
public sealed record GrafanaCredentials(string? Token = null, string? User = null, string? Password = null)
{
    /// <summary>The Authorization header value, or null for anonymous access.</summary>
    public AuthenticationHeaderValue? Header() =>
        Token is { Length: > 0 } token ? new AuthenticationHeaderValue("Bearer", token)
        : User is { Length: > 0 } user ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")))
        : null;
}
