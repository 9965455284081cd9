namespace Safe6G.Deploy.Mesh;

/// <summary>A workload as Cilium sees it: its labels, including namespace and cluster (domain).</summary>
public sealed record MeshEndpoint(IReadOnlyDictionary<string, string> Labels)
{
    public string Cluster => Labels.TryGetValue(MeshLabels.Cluster, out var c) ? c : string.Empty;

    public string Namespace => Labels.TryGetValue(MeshLabels.Namespace, out var n) ? n : string.Empty;

    /// <summary>
    /// Parses "cluster=upv,ns=tf,app.kubernetes.io/name=agent,safe6g.io/role=tf"; <c>cluster</c> and <c>ns</c>
    /// are short for the Cilium cluster and namespace labels, and both are required.
    /// </summary>
    public static MeshEndpoint Parse(string text)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"'{part}' is not key=value (in '{text}')");
            }

            var key = part[..eq] switch
            {
                "cluster" or "domain" => MeshLabels.Cluster,
                "ns" or "namespace" => MeshLabels.Namespace,
                var k => k,
            };
            labels[key] = part[(eq + 1)..];
        }

        if (!labels.ContainsKey(MeshLabels.Cluster) || !labels.ContainsKey(MeshLabels.Namespace))
        {
            throw new FormatException($"'{text}' needs cluster=<domain> and ns=<namespace>");
        }

        return new MeshEndpoint(labels);
    }

    public override string ToString() => string.Join(",", Labels.Select(kv => $"{kv.Key}={kv.Value}"));
}
