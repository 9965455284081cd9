using System.Globalization;
using System.Text;

namespace Safe6G.Portal.Tosca;

/// <summary>
/// Writes the TOSCA descriptor HLO-FE accepts (aerios.md §7.2, the orchestrator's ToscaParser) from a checked
/// <see cref="ServiceRequest"/>. Every user text is written as a double-quoted YAML scalar, so nothing typed in
/// the form can add keys.
/// </summary>
public static class ToscaBuilder
{
    public const string IePrefix = "urn:ngsi-ld:InfrastructureElement:";

    public static string Build(ServiceRequest r)
    {
        var y = new StringBuilder(2048);
        y.Append("tosca_definitions_version: tosca_simple_yaml_1_3\n");
        y.Append("description: ").Append(Q(r.Description)).Append('\n');
        if (r.TrustFunction)
        {
            y.Append("belongsToTrustFunction: true\n");
            if (r.Dimension is { } d) y.Append("trustFunctionDimension: ").Append(Q(d)).Append('\n');
        }
        y.Append("node_templates:\n");
        y.Append("  ").Append(Q(r.Component)).Append(":\n");
        y.Append("    type: tosca.nodes.Container.Application\n");
        if (r.IsJob) y.Append("    isJob: true\n");
        if (r.Element is { } e) y.Append("    trustFunctionElement: ").Append(Q(e)).Append('\n');
        if (r.WithContinuum) y.Append("    interactsWithContinuum: true\n");
        if (r.WithCore) y.Append("    interactsWithCore: true\n");
        if (r.WithService) y.Append("    interactsWithService: true\n");
        y.Append("    requirements:\n");
        if (r.Port is { } port)
        {
            y.Append("      - network:\n          properties:\n            ports:\n              port0:\n                properties:\n");
            y.Append("                  protocol: [").Append(r.Protocol).Append("]\n");
            y.Append("                  source: ").Append(port.ToString(CultureInfo.InvariantCulture)).Append('\n');
            y.Append("            exposePorts: ").Append(r.ExposePorts ? "true" : "false").Append('\n');
        }
        y.Append("      - host:\n          node_filter:\n");
        if (r.Ies.Count > 0)
        {
            y.Append("            properties:\n              id:\n");
            foreach (var ie in r.Ies) y.Append("                - ").Append(Q(IePrefix + ie)).Append('\n');
        }
        var constraints = Constraints(r);
        if (constraints.Count > 0)
        {
            y.Append("            capabilities:\n              - host:\n                  properties:\n");
            foreach (var c in constraints) y.Append("                    ").Append(c).Append('\n');
        }
        else if (r.Ies.Count == 0)
        {
            // node_filter must not be empty; "no constraint" is written as the smallest memory demand.
            y.Append("            capabilities:\n              - host:\n                  properties:\n                    mem_size: {greater_or_equal: \"1 MB\"}\n");
        }
        y.Append("    artifacts:\n");
        if (r.Helm)
        {
            y.Append("      chart:\n        file: ").Append(Q(r.HelmChart)).Append('\n');
            y.Append("        type: tosca.artifacts.Deployment.Helm\n");
            y.Append("        repository: ").Append(Q(r.HelmRepository)).Append('\n');
            if (r.HelmVersion is { } v) y.Append("        version: ").Append(Q(v)).Append('\n');
            Credentials(y, r);
        }
        else
        {
            y.Append("      image:\n        file: ").Append(Q(r.Image)).Append('\n');
            y.Append("        type: tosca.artifacts.Deployment.Image.Container.Docker\n");
            y.Append("        repository: docker_hub\n");
            Credentials(y, r);
        }
        y.Append("    interfaces:\n      Standard:\n        create:\n          implementation: ").Append(r.Helm ? "chart" : "image").Append('\n');
        return y.ToString();
    }

    private static void Credentials(StringBuilder y, ServiceRequest r)
    {
        if (!r.Private) return;
        y.Append("        isPrivate: true\n");
        y.Append("        username: ").Append(Q(r.Username ?? "")).Append('\n');
        y.Append("        password: ").Append(Q(r.Password ?? "")).Append('\n');
    }

    private static List<string> Constraints(ServiceRequest r)
    {
        var list = new List<string>();
        if (r.Mode == PlacementMode.Manual) return list; // the user chose the IE; constraints would only contradict them
        if (r.MaxCpuPercent is { } cpu) list.Add($"cpu_usage: {{less_or_equal: {F(cpu / 100)}}}");
        if (r.MemMb is { } mem) list.Add($"mem_size: {{greater_or_equal: \"{F(mem)} MB\"}}");
        if (r.NumCpus is { } n) list.Add($"num_cpus: {{greater_or_equal: {F(n)}}}");
        if (r.Architecture is { } a) list.Add($"cpu_arch: {{equal: {Q(a)}}}");
        if (r.Realtime) list.Add("realtime: {equal: true}");
        if (r.Domain is { } d) list.Add($"domain_id: {{equal: {Q(d)}}}");
        if (r.MinEfficiencyPercent is { } eff) list.Add($"energy_efficiency: {{greater_or_equal: {F(eff / 100)}}}");
        return list;
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted YAML scalar: backslash, quote and control characters escaped.</summary>
    public static string Q(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(ch)) sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
