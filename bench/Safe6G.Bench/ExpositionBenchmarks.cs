using BenchmarkDotNet.Attributes;
using Safe6G.Exporters.Sdk.Example;
using Safe6G.Exporters.Sdk.Exposition;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Bench;

/// <summary>Snapshot → exposition bytes for the synthetic source: the per-scrape cost the SDK adds.</summary>
[MemoryDiagnoser]
public class ExpositionBenchmarks
{
    private MetricSnapshot _snapshot = null!;
    private ExampleSource _source = null!;
    private readonly MemoryStream _buffer = new(4 * 1024 * 1024);

    /// <summary>Series in the snapshot.</summary>
    [Params(10_000)]
    public int Series { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _source = new ExampleSource(new ExampleConfig { Series = Series, Families = 10, LabelCardinality = 100, Churn = 0.1 }, TimeProvider.System);
        _snapshot = await _source.CollectAsync(new ScrapeTarget("bench"), CancellationToken.None);
    }

    [Benchmark(Description = "snapshot -> Prometheus text 0.0.4")]
    public async Task<long> PrometheusText()
    {
        _buffer.SetLength(0);
        await SnapshotWriter.WriteAsync(_buffer, _snapshot, Prometheus.ExpositionFormat.PrometheusText, CancellationToken.None);
        return _buffer.Length;
    }

    [Benchmark(Description = "snapshot -> OpenMetrics 1.0")]
    public async Task<long> OpenMetrics()
    {
        _buffer.SetLength(0);
        await SnapshotWriter.WriteAsync(_buffer, _snapshot, Prometheus.ExpositionFormat.OpenMetricsText, CancellationToken.None);
        return _buffer.Length;
    }

    [Benchmark(Baseline = true, Description = "prometheus-net registry path (text 0.0.4)")]
    public async Task<long> PrometheusNetRegistry()
    {
        _buffer.SetLength(0);
        await SnapshotWriter.ToRegistry([_snapshot]).CollectAndExportAsTextAsync(_buffer, Prometheus.ExpositionFormat.PrometheusText, CancellationToken.None);
        return _buffer.Length;
    }

    [Benchmark(Description = "source collect (build 10k-series snapshot)")]
    public async Task<int> Collect() => (await _source.CollectAsync(new ScrapeTarget("bench"), CancellationToken.None)).SampleCount;
}
