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

    /// <summary>Auto-refresh choices a live page offers (Grafana's own steps); the value is the <c>refresh</c> query parameter.</summary>
    public static readonly (string Value, int Seconds)[] RefreshChoices = [("off", 0), ("10s", 10), ("30s", 30), ("1m", 60), ("5m", 300)];

    /// <summary>The page; <paramref name="refresh"/> (path and chosen interval) makes it a live page that reloads itself without script.</summary>
    public static string Page(string title, string activeHref, string body, string? user, (string Path, string Value)? refresh = null)
    {
        var sb = new StringBuilder(4096 + body.Length);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        var seconds = refresh is { } r ? Array.Find(RefreshChoices, c => c.Value == r.Value).Seconds : 0;
        if (refresh is { } live && seconds > 0)
        {
            // A meta refresh needs no script (the CSP forbids inline script); the URL drops one-shot notices like ?ok=.
            sb.Append("<meta http-equiv=\"refresh\" content=\"").Append(seconds).Append("; url=")
              .Append(H.E(live.Path)).Append("?refresh=").Append(live.Value).Append("\">");
        }
        sb
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
        sb.Append("</header><main id=\"main\"><h1>").Append(H.E(title)).Append("</h1>");
        if (refresh is { } page)
        {
            sb.Append("<nav class=\"refresh\" aria-label=\"Auto-refresh\">Auto-refresh:");
            foreach (var (value, _) in RefreshChoices)
            {
                var current = value == page.Value || (value == "off" && seconds == 0) ? " aria-current=\"true\"" : "";
                sb.Append(" <a href=\"").Append(H.E(page.Path)).Append("?refresh=").Append(value).Append('"').Append(current).Append('>').Append(value).Append("</a>");
            }
            sb.Append("</nav>");
        }
        sb.Append(body).Append("</main></body></html>\n");
        return sb.ToString();
    }
}
