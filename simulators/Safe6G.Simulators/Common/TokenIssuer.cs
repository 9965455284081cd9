using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Safe6G.Simulators.Common;

/// <summary>Mints and checks bearer tokens: a Keycloak-like client-credentials endpoint plus static tokens.</summary>
internal sealed class TokenIssuer(AuthSettings settings, TimeProvider clock)
{
    public const string TokenPathPattern = "/realms/{realm}/protocol/openid-connect/token";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _minted = new(StringComparer.Ordinal);

    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var token = header["Bearer ".Length..].Trim();
        if (settings.StaticTokens.Contains(token, StringComparer.Ordinal)) return true;
        return _minted.TryGetValue(token, out var expires) && clock.GetUtcNow() < expires;
    }

    /// <summary>Handles the token request the way Keycloak answers it (form body, JSON answer, OAuth2 error codes).</summary>
    public async Task IssueAsync(HttpContext context, string realm)
    {
        if (!context.Request.HasFormContentType)
        {
            await Error(context, 400, "invalid_request", "Missing form parameter: grant_type");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            await Error(context, 400, "unsupported_grant_type", "Unsupported grant_type");
            return;
        }
        var (id, secret) = Credentials(context.Request, form);
        if (id is null || !settings.Clients.TryGetValue(id, out var expected) || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret ?? "")))
        {
            await Error(context, 401, "unauthorized_client", "Invalid client or Invalid client credentials");
            return;
        }
        var now = clock.GetUtcNow();
        var token = Mint(realm, id, now);
        _minted[token] = now + settings.TokenLifetime;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["expires_in"] = (int)settings.TokenLifetime.TotalSeconds,
            ["refresh_expires_in"] = 0,
            ["token_type"] = "Bearer",
            ["not-before-policy"] = 0,
            ["scope"] = "profile email",
        }, cancellationToken: context.RequestAborted);
    }

    private static (string? Id, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException) { }
            return (null, null);
        }
        return (form["client_id"].ToString() is { Length: > 0 } id ? id : null, form["client_secret"].ToString());
    }

    /// <summary>A JWT-shaped opaque token (clients may peek at exp; nobody can verify the random signature).</summary>
    private string Mint(string realm, string clientId, DateTimeOffset now)
    {
        static string B64(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["exp"] = (now + settings.TokenLifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = $"/realms/{realm}",
            ["azp"] = clientId,
            ["realm_access"] = new { roles = new[] { "ContextBroker" } },
        }));
        return $"{header}.{payload}.{B64(RandomNumberGenerator.GetBytes(32))}";
    }

    private static async Task Error(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, string> { ["error"] = error, ["error_description"] = description },
            cancellationToken: context.RequestAborted);
    }
}
