using Safe6G.Exporters.Gnb.Config;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Collect;

/// <summary>
/// A validated module compiled for matching: a trie of metric OIDs. A varbind belongs to the first (shortest)
/// metric OID on its path, as in snmp_exporter; several metrics may share one OID.
/// </summary>
internal sealed class ModulePlan
{
    private readonly Node _root = new();

    public ModulePlan(string name, ModuleConfig module)
    {
        Name = name;
        Module = module;
        foreach (var metric in module.Metrics)
        {
            var node = _root;
            foreach (var arc in metric.ParsedOid!.Value.Arcs)
            {
                node.Children ??= [];
                if (!node.Children.TryGetValue(arc, out var next))
                    node.Children[arc] = next = new Node();
                node = next;
            }
            (node.Metrics ??= []).Add(metric);
        }
    }

    public string Name { get; }

    public ModuleConfig Module { get; }

    /// <summary>The metrics for <paramref name="oid"/> and how many arcs their OID has; null when nothing matches.</summary>
    public List<MetricConfig>? Match(Oid oid, out int prefixLength)
    {
        var node = _root;
        var arcs = oid.Arcs;
        for (var i = 0; i < arcs.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(arcs[i], out node))
                break;
            if (node.Metrics is not null)
            {
                prefixLength = i + 1;
                return node.Metrics;
            }
        }
        prefixLength = 0;
        return null;
    }

    private sealed class Node
    {
        public Dictionary<uint, Node>? Children;
        public List<MetricConfig>? Metrics;
    }
}
