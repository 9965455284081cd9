namespace Safe6G.Exporters.Sdk.Model;

/// <summary>A metric family built fresh for one scrape: name, help, type, label names and samples.</summary>
public sealed class MetricFamily
{
    private readonly List<MetricSample> _samples;

    /// <summary>Creates a family; the name and label names are checked against the Prometheus rules.</summary>
    public MetricFamily(string name, string help, MetricType type, IReadOnlyList<string>? labelNames = null, int capacity = 0)
    {
        MetricNames.EnsureValidMetricName(name);
        LabelNames = labelNames is null ? [] : [.. labelNames];
        foreach (var label in LabelNames)
            MetricNames.EnsureValidLabelName(label);
        if (type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
            throw new ArgumentException($"counter '{name}' must end in _total", nameof(name));
        if (type == MetricType.Info && !name.EndsWith("_info", StringComparison.Ordinal))
            throw new ArgumentException($"info metric '{name}' must end in _info", nameof(name));
        if (LabelNames.Distinct(StringComparer.Ordinal).Count() != LabelNames.Length)
            throw new ArgumentException($"family '{name}' has duplicate label names", nameof(labelNames));
        Name = name;
        Help = string.IsNullOrWhiteSpace(help) ? name : help;
        Type = type;
        _samples = new List<MetricSample>(capacity);
    }

    /// <summary>The full metric name, including the exporter prefix and unit/_total suffixes.</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    /// <summary>The family type.</summary>
    public MetricType Type { get; }

    /// <summary>The label names every sample carries, in order.</summary>
    public string[] LabelNames { get; }

    /// <summary>The samples added so far.</summary>
    public IReadOnlyList<MetricSample> Samples => _samples;

    /// <summary>Adds a sample; the label values must match <see cref="LabelNames"/> in number.</summary>
    public MetricFamily Add(double value, params string[] labelValues)
    {
        if (labelValues.Length != LabelNames.Length)
            throw new ArgumentException(
                $"family '{Name}' expects {LabelNames.Length} label values ({string.Join(",", LabelNames)}), got {labelValues.Length}",
                nameof(labelValues));
        _samples.Add(new MetricSample(labelValues, value));
        return this;
    }

    /// <summary>Adds the samples of another family with the same shape (used to merge sources).</summary>
    internal void AddRange(MetricFamily other)
    {
        if (other.Type != Type || !other.LabelNames.SequenceEqual(LabelNames, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"family '{Name}' is produced with two different shapes ({Type}/{string.Join(",", LabelNames)} and {other.Type}/{string.Join(",", other.LabelNames)})");
        _samples.AddRange(other._samples);
    }
}
