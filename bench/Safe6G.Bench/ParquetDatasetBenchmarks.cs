using BenchmarkDotNet.Attributes;
using Safe6G.Gateway.Datasets;

namespace Safe6G.Bench;

/// <summary>
/// Spooled samples → Parquet bytes, warm: the issue-8 target (≥ 1M samples/s) is about this step, without the
/// upstream fetch and without process start and JIT, which the side-by-side script's single cold run includes.
/// </summary>
[MemoryDiagnoser]
public class ParquetDatasetBenchmarks
{
    private FetchedDataset _data = null!;
    private readonly MemoryStream _buffer = new(64 * 1024 * 1024);

    /// <summary>Samples in the dataset (40 series, as in bench/gateway/side-by-side.sh).</summary>
    [Params(1_000_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int seriesCount = 40;
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        var table = new SeriesTable(start.ToUnixTimeMilliseconds(), 1000);
        var spool = new SampleSpool();
        var ids = new int[seriesCount];
        for (var s = 0; s < seriesCount; s++)
        {
            ids[s] = table.Intern(new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["__name__"] = "gnb_ue_connected",
                ["cell"] = $"cell-{s % 4}",
                ["domain"] = s < 20 ? "upv" : "ncsrd",
                ["gnb"] = $"gnb-{s}",
                ["instance"] = $"10.0.0.{s}:9116",
                ["job"] = "gnb",
            });
        }

        var steps = Samples / seriesCount;
        for (var t = 0; t < steps; t++)
        {
            var ms = start.ToUnixTimeMilliseconds() + (t * 1000L);
            for (var s = 0; s < seriesCount; s++)
                spool.Add(ids[s], ms, (t * 0.5) + s);
        }

        _data = new FetchedDataset(new DatasetRequest("gnb_ue_connected", start, start.AddSeconds(steps), TimeSpan.FromSeconds(1)), table, spool, 1);
    }

    [GlobalCleanup]
    public void Cleanup() => _data.Dispose();

    [Benchmark(Description = "spool -> Parquet (Snappy)")]
    public async Task<long> Parquet()
    {
        _buffer.SetLength(0);
        await ParquetDatasetWriter.WriteAsync(_data, _buffer, CancellationToken.None);
        return _buffer.Length;
    }

    [Benchmark(Description = "spool -> CSV")]
    public async Task<long> Csv()
    {
        _buffer.SetLength(0);
        await CsvDatasetWriter.WriteAsync(_data, _buffer, CancellationToken.None);
        return _buffer.Length;
    }
}
