using System.Text;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Upstreams;

namespace Safe6G.Portal.Pages;

/// <summary>The orchestrator's services: status, components with their IE, and the lifecycle commands.</summary>
internal static class DeploymentsPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, PortalServices s)
    {
        var list = await s.Orchestrator.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var body = new StringBuilder();
        body.Append(PortalServices.Flash(context));
        body.Append("<p class=\"toolbar\"><a class=\"button\" href=\"/deployments\">Refresh</a> <a class=\"button\" href=\"/services/new\">New service</a></p>");
        if (!list.Ok)
        {
            body.Append(H.Notice("error", "The deployments cannot be listed: " + list.Error));
            return PortalServices.LiveHtml(context, "Deployments", "/deployments", body.ToString());
        }
        if (list.Value!.Count == 0)
        {
            body.Append("<p class=\"muted\">The orchestrator manages no service yet.</p>");
            return PortalServices.LiveHtml(context, "Deployments", "/deployments", body.ToString());
        }
        body.Append("<table class=\"deployments\"><caption>Services managed by the orchestrator</caption><thead><tr><th scope=\"col\">Service</th>")
            .Append("<th scope=\"col\">Status</th><th scope=\"col\">Components (status @ IE)</th><th scope=\"col\">Updated</th><th scope=\"col\">Actions</th></tr></thead><tbody>");
        foreach (var service in list.Value.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            body.Append("<tr class=\"service\" id=\"service-").Append(H.E(service.Id)).Append("\"><th scope=\"row\"><a href=\"/deployments/").Append(H.U(service.Id)).Append("\">")
                .Append(H.E(service.Id)).Append("</a><br><span class=\"muted\">").Append(H.E(service.Description)).Append("</span></th><td>")
                .Append(Status(service.Action)).Append("</td><td><ul class=\"components\">");
            foreach (var c in service.Components)
                body.Append("<li>").Append(H.E(c.Name)).Append(": ").Append(Status(c.ServiceComponentStatus)).Append(" @ <span class=\"ie\">")
                    .Append(H.E(ShortIe(c.InfrastructureElement) ?? "not placed")).Append("</span></li>");
            body.Append("</ul></td><td>").Append(H.E(service.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</td><td class=\"actions\">").Append(Actions(service)).Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        return PortalServices.LiveHtml(context, "Deployments", "/deployments", body.ToString());
    }

    /// <summary>The commands that make sense in the service's state (the orchestrator refuses the others with 409 anyway).</summary>
    internal static string Actions(ServiceView service)
    {
        var sb = new StringBuilder();
        var label = H.E(service.Id);
        void Button(string action, string text) =>
            sb.Append("<form method=\"post\" action=\"/deployments/").Append(H.U(service.Id)).Append('/').Append(action)
              .Append("\"><button type=\"submit\" aria-label=\"").Append(H.E(text)).Append(' ').Append(label).Append("\">").Append(H.E(text)).Append("</button></form>");
        if (service.Action is "DEPLOYED" or "DEPLOYING" or "FAILED")
            Button("delete", "Delete");
        if (service.Action is "FINISHED" or "FAILED")
        {
            Button("reallocate", "Re-allocate");
            Button("purge", "Purge");
        }
        sb.Append("<a href=\"/deployments/").Append(H.U(service.Id)).Append("#upgrade\">Upgrade…</a>");
        return sb.ToString();
    }

    internal static string Status(string status) =>
        $"<span class=\"status status-{H.E(status.ToLowerInvariant())}\">{H.E(status)}</span>";

    internal static string? ShortIe(string? urn) =>
        urn is not null && urn.StartsWith(Tosca.ToscaBuilder.IePrefix, StringComparison.Ordinal) ? urn[Tosca.ToscaBuilder.IePrefix.Length..] : urn;
}
