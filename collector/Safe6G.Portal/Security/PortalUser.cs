using Microsoft.AspNetCore.Http;

namespace Safe6G.Portal.Security;

/// <summary>Who is signed in (null when sign-in is off) and the token to forward to the gateway.</summary>
internal sealed record PortalUser(string Name, string? Token)
{
    private const string Key = "safe6g.portal.user";

    public static PortalUser? Of(HttpContext context) => context.Items[Key] as PortalUser;

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
