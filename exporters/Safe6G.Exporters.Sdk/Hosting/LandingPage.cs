using System.Net;
using System.Text;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Hosting;

/// <summary>The exporter's <c>/</c> page: what it is, links to its endpoints and a probe form, like snmp_exporter's.</summary>
public static class LandingPage
{
    /// <summary>Renders the page; every dynamic value is HTML-encoded.</summary>
    public static string Render(string name, string description, IReadOnlyList<ScrapeTarget> targets, IReadOnlyCollection<string> modules)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(name)).Append(" exporter</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}code{background:#eee;padding:0 .2em}</style></head><body>")
            .Append("<h1>Safe6G ").Append(E(name)).Append(" exporter</h1><p>").Append(E(description)).Append("</p>")
            .Append("<ul><li><a href=\"metrics\">Metrics</a> (the exporter's own health and its configured sources)</li>")
            .Append("<li><a href=\"-/healthy\">Health</a></li><li><a href=\"-/ready\">Readiness</a></li></ul>");
        if (targets.Count > 0)
        {
            html.Append("<h2>Configured sources</h2><ul>");
            foreach (var target in targets)
                html.Append("<li><code>").Append(E(target.SourceLabel)).Append("</code>: ").Append(E(target.Target)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<h2>Probe a target</h2><form action=\"probe\" method=\"get\">")
            .Append("<label>Target: <input type=\"text\" name=\"target\" placeholder=\"host:port or URL\" required></label> ");
        if (modules.Count > 0)
        {
            html.Append("<label>Module: <select name=\"module\">");
            foreach (var module in modules)
                html.Append("<option>").Append(E(module)).Append("</option>");
            html.Append("</select></label> ");
        }
        html.Append("<input type=\"submit\" value=\"Probe\"></form></body></html>");
        return html.ToString();
    }
}
