using System.Net.Http.Headers;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.DataFabric.Ngsi;

/// <summary>Supplies the Authorization header for a broker: a static token, or OAuth2 client credentials cached until shortly before expiry.</summary>
public sealed class TokenSource(BrokerAuthConfig? auth, HttpClient http, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>The header value, or null when the broker needs none.</summary>
    public async Task<AuthenticationHeaderValue?> GetAsync(CancellationToken cancellationToken)
    {
        if (auth is null)
            return null;
        if (auth.BearerToken is { } fixedToken)
            return new AuthenticationHeaderValue("Bearer", fixedToken);
        var oauth = auth.Oauth2!;
        if (_token is not null && time.GetUtcNow() < _expires)
            return new AuthenticationHeaderValue("Bearer", _token);
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || time.GetUtcNow() >= _expires)
                await FetchAsync(oauth, cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Bearer", _token);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets a cached token (after a 401), so the next call fetches a new one.</summary>
    public void Invalidate() => _token = null;

    private async Task FetchAsync(OAuth2Config oauth, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = oauth.ClientId,
            ["client_secret"] = oauth.ClientSecret,
        };
        if (!string.IsNullOrEmpty(oauth.Scope))
            form["scope"] = oauth.Scope;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(oauth.TokenUrl), content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new UpstreamException("auth", $"token endpoint {oauth.TokenUrl} answered {(int)response.StatusCode}: {Truncate(body)}");
        try
        {
            using var json = JsonDocument.Parse(body);
            _token = json.RootElement.GetProperty("access_token").GetString() ?? throw new UpstreamException("auth", "token endpoint returned no access_token");
            var lifetime = json.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 60;
            // Refresh a little early so a scrape never carries a token that expires on the way.
            _expires = time.GetUtcNow().AddSeconds(Math.Max(1, lifetime * 0.8));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UpstreamException("auth", $"token endpoint {oauth.TokenUrl} returned a malformed answer: {ex.Message}");
        }
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
