using Safe6G.Deploy.Emit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Safe6G.Deploy.Mesh;

/// <summary>Strict YAML (de)serialisation of <see cref="CiliumPolicy"/>: unknown fields fail, output order is fixed.</summary>
public static class PolicyYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Writes the policy with the same YAML writer as every other generated file (fixed key order, YAML 1.1-safe quoting).</summary>
    public static string Write(CiliumPolicy policy, string? header = null)
    {
        var spec = new YMap()
            .Opt("description", policy.Spec.Description)
            .Opt("endpointSelector", Selector(policy.Spec.EndpointSelector));
        if (policy.Spec.EnableDefaultDeny is { } dd)
        {
            spec["enableDefaultDeny"] = new YMap().Opt("ingress", dd.Ingress).Opt("egress", dd.Egress);
        }

        spec.Opt("ingress", Rules(policy.Spec.Ingress))
            .Opt("ingressDeny", Rules(policy.Spec.IngressDeny))
            .Opt("egress", Rules(policy.Spec.Egress))
            .Opt("egressDeny", Rules(policy.Spec.EgressDeny));
        var metadata = new YMap { ["name"] = policy.Metadata.Name }
            .Opt("namespace", policy.Metadata.Namespace)
            .Opt("labels", Labels(policy.Metadata.Labels));
        return YamlText.Write(
            new YMap { ["apiVersion"] = policy.ApiVersion, ["kind"] = policy.Kind, ["metadata"] = metadata, ["spec"] = spec },
            header);
    }

    private static YMap? Labels(SortedDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return null;
        }

        var m = new YMap();
        foreach (var (k, v) in labels)
        {
            m[k] = v;
        }

        return m;
    }

    private static YMap Selector(LabelSelector s) => new YMap()
        .Opt("matchLabels", Labels(s.MatchLabels))
        .Opt("matchExpressions", s.MatchExpressions?.Select(e => (object)new YMap { ["key"] = e.Key, ["operator"] = e.Operator }
            .Opt("values", e.Values?.Cast<object>().ToList())).ToList());

    private static List<object>? Rules(List<PolicyRule>? rules) => rules?.Select(r => (object)new YMap()
        .Opt("fromEndpoints", r.FromEndpoints?.Select(s => (object)Selector(s)).ToList())
        .Opt("toEndpoints", r.ToEndpoints?.Select(s => (object)Selector(s)).ToList())
        .Opt("toPorts", r.ToPorts?.Select(p => (object)new YMap
        {
            ["ports"] = p.Ports.Select(pp => (object)new YMap { ["port"] = pp.Port }.Opt("protocol", pp.Protocol)).ToList(),
        }).ToList())).ToList();

    /// <summary>Reads every document of a (multi-document) YAML text; unknown fields throw.</summary>
    public static List<CiliumPolicy> ReadAll(string text)
    {
        IParser parser = new Parser(new StringReader(text));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var result = new List<CiliumPolicy>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            result.Add(Deserializer.Deserialize<CiliumPolicy>(parser));
        }

        return result;
    }
}
