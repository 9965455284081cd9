using System.Text;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Security;

namespace Safe6G.Portal.Pages;

/// <summary>Sign-in: paste the JWT the gateway accepts; it goes into an HttpOnly cookie and never back into a page.</summary>
internal static class SignInPage
{
    public static IResult Render(HttpContext context, string? error = null, int status = 200)
    {
        var back = SafeReturn(context.Request.Query["return"].ToString());
        var b = new StringBuilder();
        if (error is not null) b.Append(H.Notice("error", "Sign-in refused: " + error));
        b.Append("<p>Paste the bearer token (JWT) you use with the gateway. It is checked exactly as the gateway checks it and kept in a cookie scripts cannot read.</p>")
         .Append("<form method=\"post\" action=\"/signin?return=").Append(H.E(Uri.EscapeDataString(back))).Append("\">")
         .Append("<div class=\"field\"><label for=\"token\">Token</label><textarea id=\"token\" name=\"token\" rows=\"6\" required autocomplete=\"off\" spellcheck=\"false\"></textarea></div>")
         .Append("<p><button type=\"submit\">Sign in</button></p></form>");
        return PortalServices.Html(context, "Sign in", "", b.ToString(), status);
    }

    public static async Task<IResult> PostAsync(HttpContext context, SignInGate gate)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var token = form["token"].ToString().Trim();
        var (user, error) = await gate.CheckAsync(token, context.RequestAborted).ConfigureAwait(false);
        if (user is null)
            return Render(context, error, StatusCodes.Status401Unauthorized);
        if (gate.Enabled)
            SignInGate.SetCookie(context, token);
        return Results.Redirect(SafeReturn(context.Request.Query["return"].ToString()));
    }

    public static IResult SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(SignInGate.Cookie);
        return Results.Redirect("/signin");
    }

    /// <summary>Only local paths: "return" must not send a signed-in user to another site.</summary>
    internal static string SafeReturn(string? path) =>
        path is { Length: > 0 } p && p[0] == '/' && !p.StartsWith("//", StringComparison.Ordinal) && !p.Contains('\\', StringComparison.Ordinal) ? p : "/";
}
