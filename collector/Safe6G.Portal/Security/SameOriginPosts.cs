using Microsoft.AspNetCore.Http;

namespace Safe6G.Portal.Security;

/// <summary>
/// Cross-site request forgery guard for the commands (all POSTs): a browser names the requesting site in
/// Sec-Fetch-Site / Origin, and only the portal's own pages may post. Needed also when sign-in is off, where
/// no SameSite cookie would protect the loopback portal from another site's form.
/// </summary>
internal static class SameOriginPosts
{
    public static async Task Guard(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsPost(context.Request.Method) && !IsSameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("cross-site POST refused\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        await next().ConfigureAwait(false);
    }

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || (origin == "null" && site == "same-origin"))
            return true; // non-browser clients send no Origin; they cannot be tricked into posting
        return Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
