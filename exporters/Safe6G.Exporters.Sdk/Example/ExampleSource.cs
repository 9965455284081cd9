using System.Globalization;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Example;

/// <summary>
/// A synthetic upstream: N series over F families with a chosen label cardinality, value churn, latency
/// and error rate. It counts its own fetches so tests can prove singleflight.
/// </summary>
public sealed class ExampleSource(ExampleConfig config, TimeProvider time) : IScrapeSource
{
    private readonly string[][] _labelValues = BuildLabels(config);
    private long _fetches;

    /// <summary>Fetches made so far.</summary>
    public long Fetches => Interlocked.Read(ref _fetches);

    /// <inheritdoc />
    public async Task<MetricSnapshot> CollectAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var fetch = Interlocked.Increment(ref _fetches);
        if (config.UpstreamDelay > TimeSpan.Zero)
            await Task.Delay(config.UpstreamDelay, time, cancellationToken).ConfigureAwait(false);
        if (config.ErrorRate > 0 && Random.Shared.NextDouble() < config.ErrorRate)
            throw new UpstreamException("synthetic", "synthetic upstream error (error_rate)");

        var snapshot = new MetricSnapshot();
        var perFamily = config.Families == 0 ? 0 : (config.Series + config.Families - 1) / config.Families;
        var churned = (int)Math.Round(config.Series * config.Churn);
        var index = 0;
        for (var f = 0; f < config.Families && index < config.Series; f++)
        {
            var counter = f % 2 == 1;
            var family = new MetricFamily(
                counter ? $"example_synthetic_{f}_events_total" : $"example_synthetic_{f}_value",
                counter ? $"Synthetic counter family {f}." : $"Synthetic gauge family {f}.",
                counter ? MetricType.Counter : MetricType.Gauge, ["group", "id"], perFamily);
            for (var s = 0; s < perFamily && index < config.Series; s++, index++)
            {
                var value = Base(index) + (index < churned ? fetch : 0);
                family.Add(value, _labelValues[index]);
            }
            snapshot.Add(family);
        }
        return snapshot;
    }

    // A stable per-series value so unchanged series really stay unchanged between fetches.
    private static double Base(int index) => (uint)HashCode.Combine(index, 0x5afe6) % 1000;

    private static string[][] BuildLabels(ExampleConfig config)
    {
        var labels = new string[config.Series][];
        for (var i = 0; i < config.Series; i++)
        {
            labels[i] =
            [
                "g" + (i % config.LabelCardinality).ToString(CultureInfo.InvariantCulture),
                i.ToString(CultureInfo.InvariantCulture),
            ];
        }
        return labels;
    }
}
