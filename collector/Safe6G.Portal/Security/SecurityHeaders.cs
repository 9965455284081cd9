using Microsoft.AspNetCore.Http;

namespace Safe6G.Portal.Security;

/// <summary>
/// The headers every response carries. The CSP allows only our own stylesheet and images and no script at
/// all (the portal needs none), so injected markup can neither run nor frame us.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Pages show live state and the signed-in user: never from a shared cache.
        h.CacheControl = "no-store";
        if (context.Request.IsHttps)
            h.StrictTransportSecurity = "max-age=31536000";
        await next().ConfigureAwait(false);
    }
}
