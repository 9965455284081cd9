namespace Safe6G.Exporters.Sdk.Model;

/// <summary>Everything one scrape of one source produced: families built fresh, never kept between scrapes.</summary>
public sealed class MetricSnapshot
{
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly List<MetricFamily> _ordered = [];

    /// <summary>The families in the order they were first added.</summary>
    public IReadOnlyList<MetricFamily> Families => _ordered;

    /// <summary>The number of samples across all families.</summary>
    public int SampleCount => _ordered.Sum(f => f.Samples.Count);

    /// <summary>Adds a family; a family with the same name is merged when it has the same shape.</summary>
    public MetricFamily Add(MetricFamily family)
    {
        if (_families.TryGetValue(family.Name, out var existing))
        {
            existing.AddRange(family);
            return existing;
        }
        _families.Add(family.Name, family);
        _ordered.Add(family);
        return family;
    }

    /// <summary>Creates (or returns the existing) gauge family.</summary>
    public MetricFamily Gauge(string name, string help, params string[] labelNames) => GetOrAdd(name, help, MetricType.Gauge, labelNames);

    /// <summary>Creates (or returns the existing) counter family; the name must end in <c>_total</c>.</summary>
    public MetricFamily Counter(string name, string help, params string[] labelNames) => GetOrAdd(name, help, MetricType.Counter, labelNames);

    /// <summary>Creates (or returns the existing) info family; the name must end in <c>_info</c>.</summary>
    public MetricFamily Info(string name, string help, params string[] labelNames) => GetOrAdd(name, help, MetricType.Info, labelNames);

    /// <summary>Adds one state-set: a series per state with <paramref name="stateLabel"/>, 1 for the current state.</summary>
    public MetricFamily StateSet(string name, string help, string stateLabel, IReadOnlyList<string> states, string? current,
        string[] labelNames, string[] labelValues)
    {
        var family = GetOrAdd(name, help, MetricType.StateSet, [.. labelNames, stateLabel]);
        foreach (var state in states)
            family.Add(string.Equals(state, current, StringComparison.Ordinal) ? 1 : 0, [.. labelValues, state]);
        return family;
    }

    /// <summary>Merges copies of all families of another snapshot into this one (the other stays untouched).</summary>
    public void AddAll(MetricSnapshot other)
    {
        foreach (var family in other.Families)
        {
            var copy = new MetricFamily(family.Name, family.Help, family.Type, family.LabelNames, family.Samples.Count);
            copy.AddRange(family);
            Add(copy);
        }
    }

    /// <summary>This snapshot without the families whose names match <paramref name="drop"/> (the families are shared, not copied).</summary>
    public MetricSnapshot Without(System.Text.RegularExpressions.Regex drop)
    {
        var kept = new MetricSnapshot();
        foreach (var family in _ordered)
        {
            if (!drop.IsMatch(family.Name))
                kept.Add(family);
        }
        return kept;
    }

    /// <summary>Finds a family by name, or null.</summary>
    public MetricFamily? Find(string name) => _families.GetValueOrDefault(name);

    private MetricFamily GetOrAdd(string name, string help, MetricType type, string[] labelNames)
    {
        if (_families.TryGetValue(name, out var existing))
        {
            if (existing.Type != type || !existing.LabelNames.SequenceEqual(labelNames, StringComparer.Ordinal))
                throw new InvalidOperationException($"family '{name}' is requested with two different shapes");
            return existing;
        }
        return Add(new MetricFamily(name, help, type, labelNames));
    }
}
