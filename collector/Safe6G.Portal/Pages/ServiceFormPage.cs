using System.Text;
using Microsoft.AspNetCore.Http;
using Safe6G.Portal.Html;
using Safe6G.Portal.Tosca;

namespace Safe6G.Portal.Pages;

/// <summary>
/// The service form: builds a TOSCA descriptor (placement mode and constraints, container or Helm chart, SAFE-6G
/// trust-function fields) and submits it to the orchestrator, downloads it, or shows it. Plain HTML form, no script.
/// </summary>
internal static class ServiceFormPage
{
    public static IResult Render(HttpContext context, IFormCollection? form = null, ServiceRequest? request = null, string? notice = null, string? preview = null)
    {
        string V(string key, string fallback = "") => form is null ? fallback : form[key].ToString();
        bool C(string key, bool fallback = false) => form is null ? fallback : form[key].ToString() is "on" or "true";
        var errors = request?.Errors ?? new Dictionary<string, string>();
        var b = new StringBuilder();
        if (notice is not null) b.Append(notice);
        if (errors.Count > 0)
            b.Append("<div class=\"notice error\" role=\"alert\" id=\"form-errors\"><p>The descriptor was not built: ").Append(errors.Count)
             .Append(errors.Count == 1 ? " field needs" : " fields need").Append(" attention.</p></div>");

        string Field(string name, string label, string input, string? help = null)
        {
            var described = new List<string>();
            var sb = new StringBuilder("<div class=\"field\"><label for=\"").Append(name).Append("\">").Append(H.E(label)).Append("</label>");
            if (help is not null) { sb.Append("<small id=\"").Append(name).Append("-help\">").Append(H.E(help)).Append("</small>"); described.Add(name + "-help"); }
            if (errors.TryGetValue(name, out var e)) { sb.Append("<strong class=\"field-error\" id=\"").Append(name).Append("-error\">").Append(H.E(e)).Append("</strong>"); described.Add(name + "-error"); }
            var attrs = (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "") + (errors.ContainsKey(name) ? " aria-invalid=\"true\"" : "");
            return sb.Append(input.Replace("{attrs}", attrs, StringComparison.Ordinal)).Append("</div>").ToString();
        }
        string Text(string name, string label, string? help = null, string fallback = "", string type = "text", string extra = "") =>
            Field(name, label, $"<input type=\"{type}\" id=\"{name}\" name=\"{name}\" value=\"{H.E(V(name, fallback))}\"{extra}{{attrs}}>", help);
        string Check(string name, string label, bool fallback = false) =>
            $"<div class=\"check\"><input type=\"checkbox\" id=\"{name}\" name=\"{name}\"{(C(name, fallback) ? " checked" : "")}><label for=\"{name}\">{H.E(label)}</label></div>";
        string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? help = null)
        {
            var current = V(name);
            var o = string.Concat(options.Select(x => $"<option value=\"{H.E(x.Value)}\"{(x.Value == current ? " selected" : "")}>{H.E(x.Text)}</option>"));
            return Field(name, label, $"<select id=\"{name}\" name=\"{name}\"{{attrs}}>{o}</select>", help);
        }
        string Radio(string group, string value, string label, bool isDefault)
        {
            var chosen = form is null ? isDefault : V(group) == value;
            return $"<div class=\"check\"><input type=\"radio\" id=\"{group}-{value}\" name=\"{group}\" value=\"{value}\"{(chosen ? " checked" : "")}><label for=\"{group}-{value}\">{H.E(label)}</label></div>";
        }
        static IEnumerable<(string, string)> Optional(IEnumerable<string> values, string none) => values.Select(v => (v, v)).Prepend(("", none));

        b.Append("<form method=\"post\" action=\"/services/new\" class=\"service-form\" novalidate>");
        b.Append("<fieldset><legend>Service</legend>")
         .Append(Text("service_id", "Service id", "letters, digits, '-', '_' or '.'", extra: " required autocomplete=\"off\""))
         .Append(Text("description", "Description", extra: " required"))
         .Append(Check("trust_function", "Belongs to a SAFE-6G trust function"))
         .Append(Select("trust_dimension", "Trust-function dimension", Optional(ServiceRequest.Dimensions, "none")))
         .Append("</fieldset>");
        b.Append("<fieldset><legend>Component</legend>")
         .Append(Text("component", "Component name", fallback: "app"))
         .Append("<fieldset class=\"inner\"><legend>Artifact</legend>")
         .Append(Radio("artifact", "container", "Container image", true)).Append(Radio("artifact", "helm", "Helm chart", false)).Append("</fieldset>")
         .Append(Text("image", "Container image", "for a container, e.g. safe6g/app:1.0"))
         .Append(Text("helm_repository", "Helm repository URL", "for a Helm chart"))
         .Append(Text("helm_chart", "Helm chart name"))
         .Append(Text("helm_version", "Helm chart version"))
         .Append(Check("private", "Private registry or repository"))
         .Append(Text("registry_username", "Registry user name", "for a private registry or repository", extra: " autocomplete=\"off\""))
         // The password is never echoed back into the page (value stays empty after a refused post).
         .Append(Field("registry_password", "Registry password", "<input type=\"password\" id=\"registry_password\" name=\"registry_password\" autocomplete=\"new-password\"{attrs}>"))
         .Append(Text("port", "Port", "optional; 1..65535", type: "number", extra: " min=\"1\" max=\"65535\""))
         .Append(Select("protocol", "Protocol", [("tcp", "TCP"), ("udp", "UDP"), ("sctp", "SCTP")]))
         .Append(Check("expose_ports", "Expose the port outside the cluster"))
         .Append(Check("is_job", "Run as a job (runs to completion)"))
         .Append(Select("trust_element", "Trust-function element", Optional(ServiceRequest.Elements, "none")))
         .Append(Check("interacts_continuum", "Interacts with the continuum"))
         .Append(Check("interacts_core", "Interacts with the 5G core"))
         .Append(Check("interacts_service", "Interacts with other services"))
         .Append("</fieldset>");
        b.Append("<fieldset><legend>Placement</legend>")
         .Append("<fieldset class=\"inner\"><legend>Mode</legend>")
         .Append(Radio("placement", "automatic", "Automatic: the allocator chooses under the constraints", true))
         .Append(Radio("placement", "semi", "Semi-automatic: the allocator chooses among the IEs listed", false))
         .Append(Radio("placement", "manual", "Manual: exactly the one IE listed", false)).Append("</fieldset>")
         .Append(Text("ies", "Infrastructure elements", "for manual or semi-automatic: ids like upv:01, separated by commas"))
         .Append(Text("max_cpu", "Maximum CPU usage of the IE (%)", type: "number", extra: " min=\"1\" max=\"100\""))
         .Append(Text("mem_mb", "Memory the component needs (MB)", type: "number", extra: " min=\"1\""))
         .Append(Text("num_cpus", "CPU cores the component needs", type: "number", extra: " min=\"0\" step=\"any\""))
         .Append(Select("cpu_arch", "CPU architecture", Optional(ServiceRequest.Architectures, "any")))
         .Append(Check("realtime", "Needs a real-time capable IE"))
         .Append(Text("domain", "Domain", "optional, e.g. upv"))
         .Append(Text("min_efficiency", "Minimum energy efficiency (%)", type: "number", extra: " min=\"0\" max=\"100\""))
         .Append("</fieldset>");
        b.Append("<p class=\"buttons\"><button type=\"submit\" name=\"intent\" value=\"submit\">Deploy</button> ")
         .Append("<button type=\"submit\" name=\"intent\" value=\"download\">Download TOSCA</button> ")
         .Append("<button type=\"submit\" name=\"intent\" value=\"preview\">Preview TOSCA</button></p></form>");
        if (preview is not null)
            b.Append("<section aria-labelledby=\"h-preview\"><h2 id=\"h-preview\">TOSCA descriptor</h2><pre class=\"tosca\">").Append(H.E(preview)).Append("</pre></section>");
        return PortalServices.Html(context, "New service", "/services/new", b.ToString(), errors.Count > 0 ? 400 : 200);
    }

    public static async Task<IResult> PostAsync(HttpContext context, PortalServices s)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var request = ServiceRequest.From(form);
        if (request.Errors.Count > 0)
            return Render(context, form, request);
        var tosca = ToscaBuilder.Build(request);
        switch (form["intent"].ToString())
        {
            case "download":
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{request.ServiceId}.tosca.yaml\"";
                return Results.Text(tosca, "application/x-yaml; charset=utf-8");
            case "preview":
                return Render(context, form, request, preview: Masked(request));
            default:
                var result = await s.Orchestrator.DeployAsync(request.ServiceId, tosca, context.RequestAborted).ConfigureAwait(false);
                if (result.Ok)
                    return PortalServices.After($"/deployments/{Uri.EscapeDataString(request.ServiceId)}", result);
                return Render(context, form, request, H.Notice("error", "The orchestrator did not accept the service: " + result.Message), Masked(request));
        }
    }

    /// <summary>The descriptor as shown in the page: a registry password is never written back into HTML.</summary>
    private static string Masked(ServiceRequest request) =>
        ToscaBuilder.Build(request.Password is null ? request : request with { Password = "********" });
}
