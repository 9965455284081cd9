using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Safe6G.Gateway.Auth;

namespace Safe6G.Portal.Security;

/// <summary>
/// Sign-in with the gateway's JWTs: the token is checked by the gateway's own <see cref="JwtAuthenticator"/>
/// (same algorithms, keys, issuer, audience and lifetime rules) and kept in an HttpOnly, SameSite=Strict cookie —
/// never in the page, so script (there is none) could not read it and other sites cannot send it.
/// </summary>
internal sealed class SignInGate(JwtAuthenticator? authenticator)
{
    public const string Cookie = "safe6g_portal_token";

    /// <summary>True when sign-in is configured.</summary>
    public bool Enabled => authenticator is not null;

    /// <summary>Paths reachable without signing in.</summary>
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/signin") || path.StartsWithSegments("/static") || path.StartsWithSegments("/-");

    /// <summary>Validates a raw token; the caller's description on success, the reason otherwise.</summary>
    public async Task<(PortalUser? User, string? Error)> CheckAsync(string? token, CancellationToken ct)
    {
        if (authenticator is null)
            return (new PortalUser("anonymous", null), null);
        if (string.IsNullOrWhiteSpace(token))
            return (null, "missing bearer token");
        var result = await authenticator.AuthenticateAsync("Bearer " + token.Trim(), ct).ConfigureAwait(false);
        if (result.Caller is not { } caller)
            return (null, result.Error);
        var name = caller.Subject.Length > 0 ? $"{caller.Subject} ({caller.Tenant})" : caller.Tenant;
        return (new PortalUser(name, token.Trim()), null);
    }

    /// <summary>Middleware: attaches the user, or sends a browser to /signin.</summary>
    public async Task Gate(HttpContext context, Func<Task> next)
    {
        if (authenticator is null)
        {
            new PortalUser("anonymous", null).Attach(context);
            await next().ConfigureAwait(false);
            return;
        }
        if (IsPublic(context.Request.Path))
        {
            await next().ConfigureAwait(false);
            return;
        }
        var (user, _) = await CheckAsync(context.Request.Cookies[Cookie], context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            context.Response.Cookies.Delete(Cookie);
            var back = context.Request.Method == "GET" ? context.Request.Path + context.Request.QueryString : "/";
            context.Response.Redirect("/signin?return=" + Uri.EscapeDataString(back));
            return;
        }
        user.Attach(context);
        await next().ConfigureAwait(false);
    }

    /// <summary>Sets the cookie to expire with the token.</summary>
    public static void SetCookie(HttpContext context, string token)
    {
        var expires = new JsonWebToken(token).ValidTo;
        context.Response.Cookies.Append(Cookie, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = expires == DateTime.MinValue ? null : new DateTimeOffset(expires, TimeSpan.Zero),
        });
    }
}
