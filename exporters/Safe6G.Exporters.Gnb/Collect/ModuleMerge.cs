using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Gnb.Collect;

/// <summary>
/// Joins the snapshots of a <c>module=a,b</c> probe into one exposition. A series two modules both produce (the same
/// name and labels, e.g. sysUpTime in each) is kept once, from the first module named; the same name with different
/// labels or type is a config conflict that fails the probe with both modules named, since Prometheus would refuse
/// the scrape anyway.
/// </summary>
internal static class ModuleMerge
{
    public static MetricSnapshot Merge(IReadOnlyList<string> modules, IReadOnlyList<MetricSnapshot> snapshots)
    {
        var merged = new MetricSnapshot();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < snapshots.Count; i++)
        {
            foreach (var family in snapshots[i].Families)
            {
                var target = merged.Find(family.Name);
                if (target is null)
                {
                    target = merged.Add(new MetricFamily(family.Name, family.Help, family.Type, family.LabelNames, family.Samples.Count));
                    owner[family.Name] = modules[i];
                    seen[family.Name] = new HashSet<string>(StringComparer.Ordinal);
                }
                else if (target.Type != family.Type || !target.LabelNames.SequenceEqual(family.LabelNames, StringComparer.Ordinal))
                {
                    throw new UpstreamException("config",
                        $"modules '{owner[family.Name]}' and '{modules[i]}' both define {family.Name} with different labels or type; probe them apart");
                }
                var keys = seen[family.Name];
                foreach (var sample in family.Samples)
                {
                    if (keys.Add(string.Join('\u0001', sample.LabelValues)))
                        target.Add(sample.Value, sample.LabelValues);
                }
            }
        }
        return merged;
    }
}
