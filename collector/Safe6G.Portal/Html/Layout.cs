using System.Text;

namespace Safe6G.Portal.Html;

/// <summary>The page shell: header with navigation, main content, sign-out. No inline script or style (the CSP forbids both).</summary>
internal static class Layout
{
    private static readonly (string Href, string Label)[] Nav =
    [
        ("/", "Continuum"),
        ("/deployments", "Deployments"),
        ("/services/new", "New service"),
        ("/health", "DataOps health"),
    ];

    public static string Page(string title, string activeHref, string body, string? user)
    {
        var sb = new StringBuilder(4096 + body.Length);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(H.E(title)).Append(" · SAFE-6G portal</title>")
          .Append("<link rel=\"stylesheet\" href=\"/static/portal.css\"><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\"></head><body>")
          .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
          .Append("<header><span class=\"brand\">SAFE-6G Meta-OS</span><nav aria-label=\"Main\"><ul>");
        foreach (var (href, label) in Nav)
        {
            var current = href == activeHref ? " aria-current=\"page\"" : "";
            sb.Append("<li><a href=\"").Append(href).Append('"').Append(current).Append('>').Append(H.E(label)).Append("</a></li>");
        }
        sb.Append("</ul></nav>");
        if (user is not null)
            sb.Append("<form class=\"signout\" method=\"post\" action=\"/signout\"><span>").Append(H.E(user))
              .Append("</span> <button type=\"submit\">Sign out</button></form>");
        sb.Append("</header><main id=\"main\"><h1>").Append(H.E(title)).Append("</h1>").Append(body).Append("</main></body></html>\n");
        return sb.ToString();
    }
}
