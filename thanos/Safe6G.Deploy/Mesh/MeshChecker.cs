namespace Safe6G.Deploy.Mesh;

/// <summary>
/// Evaluates Cilium's policy semantics for the subset we emit: a flow is allowed when the source's egress and the
/// destination's ingress both allow it. Per direction: any matching deny rule wins; otherwise, if no selecting policy
/// enables default deny for that direction (enableDefaultDeny, on by default when it has rules there), everything is
/// allowed; otherwise some allow rule must match.
/// Peer selectors without the cluster label match only the policy's own cluster (policy-default-local-cluster,
/// the default since Cilium 1.18); a namespaced policy's peers without a namespace label match only its namespace.
/// </summary>
public static class MeshChecker
{
    public static MeshVerdict Check(IReadOnlyList<LoadedPolicy> policies, MeshEndpoint from, MeshEndpoint to, int port, string protocol = "TCP")
    {
        var egress = Direction(policies, subject: from, peer: to, port, protocol, ingress: false);
        if (!egress.Allowed)
        {
            return egress;
        }

        var ingress = Direction(policies, subject: to, peer: from, port, protocol, ingress: true);
        return ingress.Allowed ? new MeshVerdict(true, $"{egress.Reason}; {ingress.Reason}") : ingress;
    }

    private static MeshVerdict Direction(IReadOnlyList<LoadedPolicy> policies, MeshEndpoint subject, MeshEndpoint peer, int port, string protocol, bool ingress)
    {
        var word = ingress ? "ingress" : "egress";
        var applicable = policies.Where(p => Applies(p, subject)).ToList();
        foreach (var p in applicable)
        {
            var denies = (ingress ? p.Policy.Spec.IngressDeny : p.Policy.Spec.EgressDeny) ?? [];
            for (var i = 0; i < denies.Count; i++)
            {
                if (RuleMatches(p, denies[i], peer, subject, port, protocol, ingress))
                {
                    return new MeshVerdict(false, $"{word} deny rule {i} of {Describe(p)} matches");
                }
            }
        }

        var enforcing = applicable.Where(p => EnablesDefaultDeny(p.Policy, ingress)).ToList();
        if (enforcing.Count == 0)
        {
            return new MeshVerdict(true, $"no policy puts the {(ingress ? "destination" : "source")} in {word} default-deny (default allow)");
        }

        var withRules = applicable.Where(p => (ingress ? p.Policy.Spec.Ingress : p.Policy.Spec.Egress) is not null).ToList();
        foreach (var p in withRules)
        {
            var rules = (ingress ? p.Policy.Spec.Ingress : p.Policy.Spec.Egress)!;
            for (var i = 0; i < rules.Count; i++)
            {
                if (RuleMatches(p, rules[i], peer, subject, port, protocol, ingress))
                {
                    return new MeshVerdict(true, $"{word} rule {i} of {Describe(p)} allows it");
                }
            }
        }

        return new MeshVerdict(false, $"{word} of the {(ingress ? "destination" : "source")} is in default-deny through {string.Join(", ", enforcing.Select(Describe))} and no rule allows this peer and port (default deny)");
    }

    // Cilium: enableDefaultDeny unset means on for a direction the policy has (allow or deny) rules in.
    private static bool EnablesDefaultDeny(CiliumPolicy p, bool ingress)
    {
        var hasRules = ingress ? p.Spec.Ingress is not null || p.Spec.IngressDeny is not null : p.Spec.Egress is not null || p.Spec.EgressDeny is not null;
        var flag = ingress ? p.Spec.EnableDefaultDeny?.Ingress : p.Spec.EnableDefaultDeny?.Egress;
        return flag ?? hasRules;
    }

    private static bool Applies(LoadedPolicy p, MeshEndpoint e)
    {
        if (p.Domain is not null && p.Domain != e.Cluster)
        {
            return false;
        }

        if (!p.Policy.IsClusterwide && p.Policy.Metadata.Namespace != e.Namespace)
        {
            return false;
        }

        return Matches(p.Policy.Spec.EndpointSelector, e.Labels);
    }

    private static bool RuleMatches(LoadedPolicy p, PolicyRule rule, MeshEndpoint peer, MeshEndpoint subject, int port, string protocol, bool ingress)
    {
        var peers = ingress ? rule.FromEndpoints : rule.ToEndpoints;
        if (peers is null || !peers.Any(s => PeerMatches(p, s, peer, subject)))
        {
            return false;
        }

        return rule.ToPorts is null || rule.ToPorts.Count == 0
            || rule.ToPorts.Any(pr => pr.Ports.Any(pp => PortMatches(pp, port, protocol)));
    }

    private static bool PeerMatches(LoadedPolicy p, LabelSelector s, MeshEndpoint peer, MeshEndpoint subject)
    {
        var mentionsCluster = (s.MatchLabels?.ContainsKey(MeshLabels.Cluster) ?? false)
            || (s.MatchExpressions?.Any(r => r.Key == MeshLabels.Cluster) ?? false);
        if (!mentionsCluster && peer.Cluster != subject.Cluster)
        {
            return false;
        }

        var mentionsNamespace = (s.MatchLabels?.ContainsKey(MeshLabels.Namespace) ?? false)
            || (s.MatchExpressions?.Any(r => r.Key == MeshLabels.Namespace) ?? false);
        if (!p.Policy.IsClusterwide && !mentionsNamespace && peer.Namespace != p.Policy.Metadata.Namespace)
        {
            return false;
        }

        return Matches(s, peer.Labels);
    }

    /// <summary>Kubernetes selector semantics: all matchLabels and all expressions must hold; an empty selector matches all.</summary>
    public static bool Matches(LabelSelector s, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (k, v) in s.MatchLabels ?? [])
        {
            if (!labels.TryGetValue(k, out var actual) || actual != v)
            {
                return false;
            }
        }

        foreach (var r in s.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(r.Key, out var actual);
            var values = r.Values ?? [];
            var ok = r.Operator switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => throw new InvalidOperationException($"unsupported selector operator '{r.Operator}'"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool PortMatches(PortProtocol pp, int port, string protocol)
    {
        var proto = string.IsNullOrEmpty(pp.Protocol) ? "ANY" : pp.Protocol.ToUpperInvariant();
        return pp.Port == port.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && (proto == "ANY" || string.Equals(proto, protocol, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(LoadedPolicy p) =>
        $"{p.Policy.Kind} {(p.Policy.Metadata.Namespace is null ? string.Empty : p.Policy.Metadata.Namespace + "/")}{p.Policy.Metadata.Name}{(p.Domain is null ? string.Empty : $" (domain {p.Domain})")}";
}
