using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.Sdk.Model;
using Xunit.Abstractions;

namespace Safe6G.Exporters.CmcCore.Tests.Mongo;

/// <summary>Sink throughput against CongoDB (figure printed for the issue; the assertion is only that nothing is lost).</summary>
public sealed class SinkThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fifty_thousand_documents_all_land_and_the_rate_is_reported()
    {
        using var congo = await CongoServer.StartAsync();
        const int documents = 50_000;
        var config = new MongoSinkConfig { ConnectionString = congo.ConnectionString, Database = "safe6g_test", Collection = "throughput", BatchSize = 1000, QueueCapacity = documents };
        await using var sink = new SnapshotSink(config, new MongoDocumentWriter(config), TimeProvider.System, Serilog.Core.Logger.None);
        var snapshot = new MetricSnapshot();
        var family = snapshot.Counter("cmc_ue_uplink_bytes_total", "h", "core", "imsi");
        for (var i = 0; i < documents; i++)
            family.Add(i, "lab", (1010000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        sink.Offer("lab", snapshot, DateTimeOffset.UtcNow);
        var queued = watch.Elapsed;
        var counters = sink.CountersFor("lab");
        while (counters.Written < documents && watch.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(20);
        Assert.Equal(documents, counters.Written);
        Assert.Equal(0, counters.Dropped);
        output.WriteLine($"sink: {documents} documents queued in {queued.TotalMilliseconds:0} ms, written to CongoDB in {watch.Elapsed.TotalSeconds:0.00} s = {documents / watch.Elapsed.TotalSeconds:0} documents/s (batch 1000)");
    }
}
