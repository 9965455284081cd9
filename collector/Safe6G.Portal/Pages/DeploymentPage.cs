using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Pages;

/// <summary>One service: each component's IE and the allocator's explanation, history, and the upgrade form.</summary>
internal static class DeploymentPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, PortalServices s, string id)
    {
        var fetched = await s.Orchestrator.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        var body = new StringBuilder();
        body.Append(PortalServices.Flash(context));
        body.Append("<p class=\"toolbar\"><a class=\"button\" href=\"/deployments/").Append(H.U(id)).Append("\">Refresh</a> <a href=\"/deployments\">All deployments</a></p>");
        if (fetched.Value is not { } service)
        {
            body.Append(H.Notice("error", $"Service {id} cannot be shown: {fetched.Error}"));
            return PortalServices.LiveHtml(context, $"Service {id}", "/deployments", body.ToString());
        }
        body.Append("<dl class=\"facts\"><dt>Status</dt><dd>").Append(DeploymentsPage.Status(service.Action)).Append("</dd><dt>Description</dt><dd>")
            .Append(H.E(service.Description)).Append("</dd><dt>Revision</dt><dd>").Append(service.Revision).Append("</dd>");
        if (service.BelongsToTrustFunction)
            body.Append("<dt>Trust function</dt><dd>").Append(H.E(service.TrustFunctionDimension ?? "yes")).Append("</dd>");
        if (service.Reason is { } reason)
            body.Append("<dt>Reason</dt><dd>").Append(H.E(reason)).Append("</dd>");
        body.Append("</dl>");
        if (service.BrokerError is { } broker)
            body.Append(H.Notice("error", "Writing to the context broker failed: " + broker));
        body.Append("<div class=\"actions\">").Append(DeploymentsPage.Actions(service)).Append("</div>");

        foreach (var c in service.Components)
        {
            body.Append("<section class=\"component\" aria-labelledby=\"c-").Append(H.E(c.Name)).Append("\"><h2 id=\"c-").Append(H.E(c.Name)).Append("\">Component ")
                .Append(H.E(c.Name)).Append("</h2><dl class=\"facts\"><dt>Status</dt><dd>").Append(DeploymentsPage.Status(c.ServiceComponentStatus))
                .Append("</dd><dt>IE</dt><dd class=\"chosen-ie\">").Append(H.E(DeploymentsPage.ShortIe(c.InfrastructureElement) ?? "not placed"))
                .Append("</dd><dt>Domain</dt><dd>").Append(H.E(c.Domain ?? "–")).Append("</dd><dt>Artifact</dt><dd><code>").Append(H.E(c.Artifact)).Append("</code></dd>");
            if (c.TrustFunctionElement is { } e)
                body.Append("<dt>Trust-function element</dt><dd>").Append(H.E(e)).Append("</dd>");
            if (c.Reason is { } why)
                body.Append("<dt>Reason</dt><dd>").Append(H.E(why)).Append("</dd>");
            body.Append("</dl>").Append(Explanation(c.Explanation)).Append("</section>");
        }

        if (service.History is { Count: > 0 } history)
        {
            body.Append("<section aria-labelledby=\"h-history\"><h2 id=\"h-history\">History</h2><ol class=\"history\">");
            foreach (var h in history)
                body.Append("<li><time>").Append(H.E(h.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture))).Append("</time> ")
                    .Append(H.E(h.Operation)).Append(": ").Append(H.E(h.Detail)).Append("</li>");
            body.Append("</ol></section>");
        }

        body.Append("<section id=\"upgrade\" aria-labelledby=\"h-upgrade\"><h2 id=\"h-upgrade\">Upgrade</h2>")
            .Append("<form method=\"post\" action=\"/deployments/").Append(H.U(service.Id)).Append("/upgrade\">")
            .Append("<label for=\"tosca\">New TOSCA descriptor (YAML)</label><textarea id=\"tosca\" name=\"tosca\" rows=\"12\" required></textarea>")
            .Append("<p><button type=\"submit\">Upgrade ").Append(H.E(service.Id)).Append("</button></p></form></section>");
        return PortalServices.LiveHtml(context, $"Service {service.Id}", "/deployments", body.ToString());
    }

    private static string Explanation(ExplanationView? x)
    {
        if (x is null) return "<p class=\"muted\">No allocation explanation (not allocated yet).</p>";
        var sb = new StringBuilder();
        sb.Append("<details open><summary>Why this IE: ").Append(x.Eligible).Append(" of ").Append(x.Candidates).Append(" IEs eligible</summary>");
        if (x.Ranked.Count > 0)
        {
            var terms = x.Ranked[0].Terms.Select(t => t.Name).ToList();
            sb.Append("<table class=\"explanation\"><caption>Best candidates and their score terms (weight × value)</caption><thead><tr><th scope=\"col\">IE</th><th scope=\"col\">Domain</th><th scope=\"col\">Score</th>");
            foreach (var t in terms) sb.Append("<th scope=\"col\">").Append(H.E(t)).Append("</th>");
            sb.Append("</tr></thead><tbody>");
            foreach (var c in x.Ranked)
            {
                sb.Append("<tr><th scope=\"row\">").Append(H.E(c.Ie)).Append("</th><td>").Append(H.E(c.Domain)).Append("</td><td>").Append(H.Num(c.Total, "0.000")).Append("</td>");
                foreach (var name in terms)
                {
                    var t = c.Terms.FirstOrDefault(t => t.Name == name);
                    sb.Append("<td>").Append(t is null ? "–" : $"{H.Num(t.Weight, "0.##")} × {H.Num(t.Value, "0.00")}").Append("</td>");
                }
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
        }
        if (x.RejectionsByRule is { Count: > 0 } rules)
            sb.Append("<p>Rejected by rule: ").Append(H.E(string.Join(", ", rules.Select(r => $"{r.Key} {r.Value}")))).Append("</p>");
        if (x.Rejected is { Count: > 0 } rejected)
        {
            sb.Append("<ul class=\"rejected\">");
            foreach (var r in rejected.Take(20))
                sb.Append("<li>").Append(H.E(r.Ie)).Append(": ").Append(H.E(r.Reason)).Append("</li>");
            sb.Append("</ul>");
        }
        return sb.Append("</details>").ToString();
    }
}
