using YamlDotNet.Serialization;

namespace Safe6G.Deploy.Mesh;

/// <summary>The fields of CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy (cilium.io/v2) that we emit and evaluate.</summary>
public sealed class CiliumPolicy
{
    public const string ApiVersionV2 = "cilium.io/v2";
    public const string ClusterwideKind = "CiliumClusterwideNetworkPolicy";
    public const string NamespacedKind = "CiliumNetworkPolicy";

    public string ApiVersion { get; set; } = ApiVersionV2;

    public string Kind { get; set; } = ClusterwideKind;

    public PolicyMetadata Metadata { get; set; } = new();

    public PolicySpec Spec { get; set; } = new();

    [YamlIgnore]
    public bool IsClusterwide => Kind == ClusterwideKind;
}

/// <summary>Policy name, namespace (namespaced kind only) and labels.</summary>
public sealed class PolicyMetadata
{
    public string Name { get; set; } = string.Empty;

    public string? Namespace { get; set; }

    public SortedDictionary<string, string>? Labels { get; set; }
}

/// <summary>Which endpoints the policy applies to and its allow/deny rules.</summary>
public sealed class PolicySpec
{
    public string? Description { get; set; }

    public LabelSelector EndpointSelector { get; set; } = new();

    public DefaultDeny? EnableDefaultDeny { get; set; }

    public List<PolicyRule>? Ingress { get; set; }

    public List<PolicyRule>? IngressDeny { get; set; }

    public List<PolicyRule>? Egress { get; set; }

    public List<PolicyRule>? EgressDeny { get; set; }
}

/// <summary>
/// Cilium's enableDefaultDeny: unset means "on for each direction the policy has rules in (allow or deny)";
/// our deny-only defaults set it to false so they do not switch the whole cluster to default deny.
/// </summary>
public sealed class DefaultDeny
{
    public bool? Ingress { get; set; }

    public bool? Egress { get; set; }
}

/// <summary>One rule: peers (fromEndpoints for ingress, toEndpoints for egress) and optional ports.</summary>
public sealed class PolicyRule
{
    public List<LabelSelector>? FromEndpoints { get; set; }

    public List<LabelSelector>? ToEndpoints { get; set; }

    public List<PortRule>? ToPorts { get; set; }
}

/// <summary>Kubernetes label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).</summary>
public sealed class LabelSelector
{
    public SortedDictionary<string, string>? MatchLabels { get; set; }

    public List<LabelRequirement>? MatchExpressions { get; set; }
}

/// <summary>One matchExpressions entry.</summary>
public sealed class LabelRequirement
{
    public string Key { get; set; } = string.Empty;

    public string Operator { get; set; } = "In";

    public List<string>? Values { get; set; }
}

/// <summary>A toPorts entry.</summary>
public sealed class PortRule
{
    public List<PortProtocol> Ports { get; set; } = [];
}

/// <summary>Port (a string in Cilium's API) and protocol (TCP, UDP, SCTP or ANY).</summary>
public sealed class PortProtocol
{
    public string Port { get; set; } = string.Empty;

    public string? Protocol { get; set; }
}
