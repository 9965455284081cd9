using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Exporters.Sdk.Web;

/// <summary>
/// bcrypt basic auth like exporter-toolkit's: every path is protected when users are configured.
/// bcrypt is slow by design, so a verified (user, password) pair is remembered by its SHA-256 only,
/// which keeps a 15 s scrape interval from costing a bcrypt round each time.
/// </summary>
public sealed class BasicAuthMiddleware(RequestDelegate next, IReadOnlyDictionary<string, string> users)
{
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    /// <summary>Checks the Authorization header and answers 401 with a challenge when it is missing or wrong.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (users.Count == 0 || IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic";
        await context.Response.WriteAsync("Unauthorized\n").ConfigureAwait(false);
    }

    private bool IsAuthorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        var user = decoded[..colon];
        var password = decoded[(colon + 1)..];
        if (!users.TryGetValue(user, out var hash))
            return false;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\0{password}\0{hash}")));
        if (_verified.TryGetValue(key, out var ok))
            return ok;
        ok = BCrypt.Net.BCrypt.Verify(password, hash);
        if (ok)
            _verified[key] = true;
        return ok;
    }
}
