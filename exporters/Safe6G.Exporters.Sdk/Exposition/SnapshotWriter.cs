using Prometheus;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.Sdk.Exposition;

/// <summary>
/// Composes an exposition: the exporter's own prometheus-net registries first, then the scrape's snapshots
/// (written by <see cref="TextExpositionWriter"/>). Nothing outlives the scrape that produced it (the Go
/// exporters' "collect on scrape" rule). <see cref="ToRegistry"/> keeps the prometheus-net path for comparison.
/// </summary>
public static class SnapshotWriter
{
    private static readonly byte[] EofLine = "# EOF\n"u8.ToArray();

    /// <summary>Writes <paramref name="snapshot"/> as a complete exposition (with <c># EOF</c> for OpenMetrics).</summary>
    public static Task WriteAsync(Stream output, MetricSnapshot snapshot, ExpositionFormat format, CancellationToken cancellationToken) =>
        WriteAsync(output, [snapshot], format, cancellationToken);

    /// <summary>Writes several snapshots as one exposition; families of the same name and shape are merged.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<MetricSnapshot> snapshots, ExpositionFormat format, CancellationToken cancellationToken)
    {
        using var writer = new TextExpositionWriter(output, format == ExpositionFormat.OpenMetricsText);
        await writer.WriteAsync(snapshots, writeEof: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes prometheus-net registries (the exporter's own metrics) and then the snapshots as one exposition.
    /// OpenMetrics allows one <c># EOF</c>, so the registries' own terminators are removed.
    /// </summary>
    public static async Task WriteAsync(Stream output, IEnumerable<CollectorRegistry> registries, IReadOnlyList<MetricSnapshot> snapshots,
        ExpositionFormat format, CancellationToken cancellationToken)
    {
        using var head = new MemoryStream();
        foreach (var registry in registries)
        {
            var start = head.Length;
            await registry.CollectAndExportAsTextAsync(head, format, cancellationToken).ConfigureAwait(false);
            if (format == ExpositionFormat.OpenMetricsText)
                TrimEof(head, start);
        }
        head.Position = 0;
        await head.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await WriteAsync(output, snapshots, format, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds a fresh prometheus-net registry holding exactly the snapshots' series. prometheus-net returns
    /// the existing family for a repeated name with the same label names, which merges sources for free.
    /// </summary>
    public static CollectorRegistry ToRegistry(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        foreach (var family in snapshots.SelectMany(s => s.Families))
        {
            if (family.Type == MetricType.Counter)
                FillCounter(factory.CreateCounter(family.Name, family.Help, family.LabelNames), family);
            else
                FillGauge(factory.CreateGauge(family.Name, family.Help, family.LabelNames), family);
        }
        return registry;
    }

    private static void FillCounter(Counter counter, MetricFamily family)
    {
        foreach (var sample in family.Samples)
        {
            var child = family.LabelNames.Length == 0 ? (Counter.Child?)null : counter.WithLabels(sample.LabelValues);
            if (child is null)
                counter.IncTo(sample.Value);
            else
                child.IncTo(sample.Value);
        }
    }

    private static void FillGauge(Gauge gauge, MetricFamily family)
    {
        foreach (var sample in family.Samples)
        {
            if (family.LabelNames.Length == 0)
                gauge.Set(sample.Value);
            else
                gauge.WithLabels(sample.LabelValues).Set(sample.Value);
        }
    }

    private static void TrimEof(MemoryStream stream, long start)
    {
        if (stream.Length - start < EofLine.Length)
            return;
        var buffer = stream.GetBuffer();
        var tail = buffer.AsSpan((int)(stream.Length - EofLine.Length), EofLine.Length);
        if (tail.SequenceEqual(EofLine))
            stream.SetLength(stream.Length - EofLine.Length);
        stream.Position = stream.Length;
    }
}
