using System.Globalization;
using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Collect;

/// <summary>
/// Varbinds of one probe → metric families, built fresh (no state kept between scrapes). Unmatched varbinds
/// are ignored; a second sample with the same labels is dropped (Prometheus would reject the whole scrape).
/// </summary>
internal static class SnapshotBuilder
{
    /// <summary>What building produced besides the families.</summary>
    public readonly record struct Result(MetricSnapshot Snapshot, int Samples, int Unmatched, int Duplicates);

    public static Result Build(ModulePlan plan, IReadOnlyList<VarBind> varBinds, bool wrapLargeCounters)
    {
        var byOid = new Dictionary<Oid, SnmpValue>(varBinds.Count);
        foreach (var vb in varBinds)
            byOid.TryAdd(vb.Oid, vb.Value);

        var snapshot = new MetricSnapshot();
        var families = new Dictionary<string, (MetricFamily Family, HashSet<string> Seen)>(StringComparer.Ordinal);
        int samples = 0, unmatched = 0, duplicates = 0;
        foreach (var vb in varBinds)
        {
            if (vb.Value.IsException || vb.Value.Type == SnmpType.Null)
                continue;
            var metrics = plan.Match(vb.Oid, out var prefix);
            if (metrics is null)
            {
                unmatched++;
                continue;
            }
            foreach (var metric in metrics)
            {
                if (metric.Extracts.Length > 0)
                {
                    var labels = Labels(metric, vb.Oid.Arcs[prefix..], byOid, wrapLargeCounters)[..metric.KeyLabelNames.Length];
                    var text = ValueText(metric, vb.Value, wrapLargeCounters);
                    foreach (var (familyName, rules) in metric.Extracts)
                    {
                        if (text is null || Extract(rules, text) is not { } extracted)
                            continue;
                        if (!families.TryGetValue(familyName, out var extract))
                        {
                            extract = (new MetricFamily(familyName, metric.Help ?? familyName, MetricType.Gauge, metric.KeyLabelNames), new HashSet<string>(StringComparer.Ordinal));
                            families[familyName] = extract;
                            snapshot.Add(extract.Family);
                        }
                        if (extract.Seen.Add(string.Join('\u001f', labels)))
                        {
                            extract.Family.Add(extracted, labels);
                            samples++;
                        }
                        else
                        {
                            duplicates++;
                        }
                    }
                    continue;
                }
                if (!families.TryGetValue(metric.FamilyName, out var entry))
                {
                    entry = (new MetricFamily(metric.FamilyName, metric.Help ?? metric.FamilyName, metric.FamilyType, metric.LabelNames), new HashSet<string>(StringComparer.Ordinal));
                    families[metric.FamilyName] = entry;
                    snapshot.Add(entry.Family);
                }
                foreach (var (labels, value) in Samples(metric, vb, vb.Oid.Arcs[prefix..], byOid, wrapLargeCounters))
                {
                    if (!entry.Seen.Add(string.Join('\u001f', labels)))
                    {
                        duplicates++;
                        continue;
                    }
                    entry.Family.Add(value, labels);
                    samples++;
                }
            }
        }
        return new Result(snapshot, samples, unmatched, duplicates);
    }

    /// <summary>snmp_exporter's order: the first rule whose regex matches and whose expansion parses as a number.</summary>
    private static double? Extract(RegexExtractConfig[] rules, string text)
    {
        foreach (var rule in rules)
        {
            var match = rule.Compiled!.Match(text);
            if (match.Success && double.TryParse(match.Result(rule.Value), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
        }
        return null;
    }

    private static string? ValueText(MetricConfig metric, SnmpValue value, bool wrap) =>
        metric.Kind is SnmpValueType.Gauge or SnmpValueType.Counter or SnmpValueType.Float
            ? ValueRenderer.TryNumber(value, wrap, out var number) ? number.ToString("R", CultureInfo.InvariantCulture) : null
            : ValueRenderer.Text(value, metric.Kind);

    private static List<(string[] Labels, double Value)> Samples(MetricConfig metric, VarBind vb, ReadOnlySpan<uint> indexArcs,
        Dictionary<Oid, SnmpValue> byOid, bool wrap)
    {
        var names = metric.LabelNames;
        var labels = Labels(metric, indexArcs, byOid, wrap);
        var value = vb.Value;
        switch (metric.Kind)
        {
            case SnmpValueType.Gauge:
            case SnmpValueType.Counter:
            case SnmpValueType.Float:
                return ValueRenderer.TryNumber(value, wrap, out var number) ? [(labels, metric.Adjust(number))] : [];
            case SnmpValueType.EnumAsInfo:
            {
                if (!ValueRenderer.TryNumber(value, wrap, out var state))
                    return [];
                labels[^1] = StateName(metric, ValueRenderer.State(state));
                return [(labels, 1)];
            }
            case SnmpValueType.EnumAsStateSet:
            {
                if (!ValueRenderer.TryNumber(value, wrap, out var raw))
                    return [];
                var current = ValueRenderer.State(raw);
                var list = new List<(string[], double)>(metric.EnumValues.Count + 1);
                foreach (var (key, name) in metric.EnumValues.OrderBy(e => e.Key))
                {
                    var copy = (string[])labels.Clone();
                    copy[^1] = name;
                    list.Add((copy, key == current ? 1 : 0));
                }
                if (!metric.EnumValues.ContainsKey(current))
                {
                    // Unknown state: shown by its number, as snmp_exporter does.
                    labels[^1] = current.ToString(CultureInfo.InvariantCulture);
                    list.Add((labels, 1));
                }
                return list;
            }
            default:
                var position = Array.IndexOf(names, metric.ValueLabelName);
                if (!IsIndexOrLookup(metric, metric.ValueLabelName!))
                    labels[position] = ValueRenderer.Text(value, metric.Kind);
                return [(labels, 1)];
        }
    }

    /// <summary>The label values of one varbind: indexes decoded, lookups resolved; the value label (last) left empty.</summary>
    private static string[] Labels(MetricConfig metric, ReadOnlySpan<uint> indexArcs, Dictionary<Oid, SnmpValue> byOid, bool wrap)
    {
        var names = metric.LabelNames;
        var labels = new string[names.Length];
        Array.Fill(labels, "");
        var labelOids = new Dictionary<string, uint[]>(StringComparer.Ordinal);
        var rest = indexArcs;
        foreach (var index in metric.Indexes)
        {
            labels[Array.IndexOf(names, index.Labelname)] = IndexDecoder.Decode(ref rest, index, out var consumed);
            labelOids[index.Labelname] = consumed;
        }
        foreach (var lookup in metric.Lookups)
        {
            var oid = lookup.ParsedOid!.Value;
            foreach (var label in lookup.Labels)
                oid = oid.Append(labelOids.TryGetValue(label, out var arcs) ? arcs : []);
            var position = Array.IndexOf(names, lookup.Labelname);
            if (byOid.TryGetValue(oid, out var found) && !found.IsException)
            {
                labels[position] = ValueRenderer.Text(found, lookup.Kind);
                labelOids[lookup.Labelname] = ValueRenderer.TryNumber(found, wrap, out var n) ? [unchecked((uint)ValueRenderer.State(n))] : [0];
            }
            else
            {
                labels[position] = "";
            }
        }

        return labels;
    }

    private static string StateName(MetricConfig metric, long state) =>
        metric.EnumValues.TryGetValue(state, out var name) ? name : state.ToString(CultureInfo.InvariantCulture);

    // snmp_exporter: "If the name is already an index, we do not need to set it again."
    private static bool IsIndexOrLookup(MetricConfig metric, string label) =>
        metric.Indexes.Any(i => i.Labelname == label) || metric.Lookups.Any(l => l.Labelname == label);
}
