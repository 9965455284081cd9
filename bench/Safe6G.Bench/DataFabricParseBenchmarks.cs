using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Safe6G.Exporters.DataFabric;
using Safe6G.Exporters.DataFabric.Snapshot;
using Safe6G.Exporters.Sdk.Exposition;
using Safe6G.Simulators.Orion;

namespace Safe6G.Bench;

/// <summary>
/// Where a Data Fabric scrape spends its CPU for 10,000 IEs (10 pages of 1,000 simplified entities taken from the
/// Orion-LD simulator): JSON parsing alone, parsing plus turning entities into families, and the exposition.
/// </summary>
[MemoryDiagnoser]
public class DataFabricParseBenchmarks
{
    private byte[][] _pages = [];
    private readonly MemoryStream _output = new(64 * 1024 * 1024);

    [GlobalSetup]
    public async Task Setup()
    {
        await using var sim = await OrionSimulator.StartAsync(new OrionSimulatorOptions { Domain = "upv", Scale = 10_000, Seed = 3 });
        using var http = new HttpClient();
        var pages = new List<byte[]>();
        for (var offset = 0; offset < 10_000; offset += 1000)
            pages.Add(await http.GetByteArrayAsync(new Uri(sim.BaseAddress,
                $"ngsi-ld/v1/entities?type=InfrastructureElement&limit=1000&offset={offset}&format=simplified&options=sysAttrs&local=true")));
        _pages = [.. pages];
    }

    [Benchmark(Description = "parse only (JsonDocument per entity, streamed)")]
    public async Task<int> ParseOnly()
    {
        var count = 0;
        foreach (var page in _pages)
        {
            await foreach (var entity in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(new MemoryStream(page)))
                count += entity.ValueKind == JsonValueKind.Object ? 1 : 0;
        }
        return count;
    }

    [Benchmark(Baseline = true, Description = "parse + entities -> families")]
    public async Task<int> ParseAndBuild()
    {
        var builder = new ContinuumSnapshotBuilder([EntityTypeNames.InfrastructureElement]);
        var handler = builder.HandlerFor(EntityTypeNames.InfrastructureElement);
        foreach (var page in _pages)
        {
            await foreach (var entity in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(new MemoryStream(page)))
                handler(entity);
        }
        return builder.Build("bench").SampleCount;
    }

    [Benchmark(Description = "parse + build + exposition")]
    public async Task<long> ParseBuildExpose()
    {
        var builder = new ContinuumSnapshotBuilder([EntityTypeNames.InfrastructureElement]);
        var handler = builder.HandlerFor(EntityTypeNames.InfrastructureElement);
        foreach (var page in _pages)
        {
            await foreach (var entity in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(new MemoryStream(page)))
                handler(entity);
        }
        _output.SetLength(0);
        await SnapshotWriter.WriteAsync(_output, builder.Build("bench"), Prometheus.ExpositionFormat.PrometheusText, CancellationToken.None);
        return _output.Length;
    }
}
