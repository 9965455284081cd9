using MongoDB.Bson;
using MongoDB.Driver;
using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.Sdk.Sources;
using Safe6G.Testing;

namespace Safe6G.Exporters.CmcCore.Tests.Mongo;

/// <summary>The sink against a wire-compatible server: CongoDB, or a real MongoDB when MONGODB_URI is set.</summary>
public sealed class MongoSinkTests
{
    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"condition not met within {timeout}: {describe()}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Each_poll_lands_as_documents_that_can_be_read_back()
    {
        using var congo = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } ? null : await CongoServer.StartAsync();
        var uri = congo?.ConnectionString ?? Environment.GetEnvironmentVariable("MONGODB_URI")!;
        var collection = "cmc_" + Guid.NewGuid().ToString("N")[..8];
        var config = new MongoSinkConfig { ConnectionString = uri, Database = "safe6g_test", Collection = collection, BatchSize = 100 };
        await using var sim = await Cores.StartAsync(20);
        await using var sink = new SnapshotSink(config, new MongoDocumentWriter(config), TimeProvider.System, Serilog.Core.Logger.None);
        var core = Cores.Core(sim);
        using var source = new CmcSource(new CmcConfig { Cores = [core] }, Cores.Context(), sink);

        var first = await source.CollectAsync(new ScrapeTarget(core.Url, Source: "lab"), CancellationToken.None);
        var second = await source.CollectAsync(new ScrapeTarget(core.Url, Source: "lab"), CancellationToken.None);
        // Each snapshot also carries the sink's own counters, added after the snapshot was queued.
        var sinkFamilies = first.Families.Count(f => f.Name.StartsWith("cmc_mongodb_", StringComparison.Ordinal));
        var expected = first.SampleCount + second.SampleCount - 2 * sinkFamilies;
        var counters = sink.CountersFor("lab");
        await WaitUntil(() => counters.Written == expected, TimeSpan.FromSeconds(30), () => $"written {counters.Written} of {expected}, retried {counters.Retried}");
        Assert.Equal(0, counters.Dropped);
        Assert.Equal(0, counters.Queued);

        var database = new MongoClient(uri).GetDatabase("safe6g_test");
        var documents = database.GetCollection<BsonDocument>(collection);
        Assert.Equal(expected, await documents.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        var subscribers = await documents.Find(Builders<BsonDocument>.Filter.Eq("meta.metric", "cmc_subscribers")).ToListAsync();
        Assert.Equal(2, subscribers.Count);
        Assert.All(subscribers, d =>
        {
            Assert.Equal(20, d["value"].ToDouble());
            Assert.Equal("lab", d["meta"]["labels"]["core"].AsString);
            Assert.Equal("gauge", d["meta"]["type"].AsString);
            Assert.IsType<BsonDateTime>(d["ts"]);
        });
        var embb = await documents.Find(Builders<BsonDocument>.Filter.Eq("meta.metric", "cmc_slice_info") & Builders<BsonDocument>.Filter.Eq("meta.labels.slice", "embb-slice")).FirstAsync();
        Assert.Equal("000001", embb["meta"]["labels"]["sd"].AsString);

        Assert.NotNull(sink.StorageMode);
        if (sink.StorageMode == "ttl_index")
        {
            var indexes = await (await documents.Indexes.ListAsync()).ToListAsync();
            var ttl = Assert.Single(indexes, i => i["name"] == "ts_ttl");
            Assert.Equal(7 * 24 * 3600, ttl["expireAfterSeconds"].ToInt64());
        }
    }

    [Fact]
    public async Task Server_killed_mid_run_fills_the_queue_counts_drops_keeps_scraping_and_resumes()
    {
        using var congo = await CongoServer.StartAsync();
        await using var sim = await Cores.StartAsync(50);
        using var dir = new TempDir();
        var exporter = new CmcExporter();
        await using var host = await ExporterHostTests.StartExporter(dir, $"""
            scrape: {"{"}cache_ttl: 0s, timeout: 5s{"}"}
            cores:
              - {"{"}name: lab, url: "{Cores.ApiBase(sim)}"{"}"}
            mongodb:
              connection_string: "{congo.ConnectionString}"
              database: safe6g_test
              collection: killed
              batch_size: 100
              queue_capacity: 600
              initial_backoff: 50ms
              max_backoff: 300ms
              write_timeout: 2s
            """, exporter);
        var metrics = new Uri(host.BaseAddress, "metrics");
        var sink = exporter.Sink!;
        var counters = sink.CountersFor("lab");

        var body = await Http.Client.GetStringAsync(metrics);
        Assert.Contains("cmc_up{source=\"lab\"} 1", body);
        await WaitUntil(() => counters.Written > 0 && counters.Queued == 0, TimeSpan.FromSeconds(30), () => $"written {counters.Written}");
        var writtenBefore = counters.Written;

        congo.Kill();
        for (var i = 0; i < 6; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            body = await Http.Client.GetStringAsync(metrics);
            // The scrape does not wait for MongoDB: it answers well inside the sink's retry loop.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"scrape took {watch.Elapsed}");
            Assert.Contains("cmc_up{source=\"lab\"} 1", body);
        }
        await WaitUntil(() => counters.Retried > 0, TimeSpan.FromSeconds(10), () => "no retries");
        Assert.True(counters.Dropped > 0, $"dropped {counters.Dropped}, queued {counters.Queued}");
        Assert.True(counters.Queued <= 600, $"queued {counters.Queued} > queue_capacity");
        body = await Http.Client.GetStringAsync(metrics);
        Assert.Contains("cmc_mongodb_documents_dropped_total{core=\"lab\"}", body);
        Assert.DoesNotContain("cmc_mongodb_documents_dropped_total{core=\"lab\"} 0\n", body);

        await congo.RestartAsync();
        await WaitUntil(() => counters.Queued == 0 && counters.Written > writtenBefore, TimeSpan.FromSeconds(30),
            () => $"written {counters.Written} (before {writtenBefore}), queued {counters.Queued}");
        var afterRestart = await new MongoClient(congo.ConnectionString).GetDatabase("safe6g_test").GetCollection<BsonDocument>("killed")
            .CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);
        Assert.Equal(counters.Written - writtenBefore, afterRestart);
    }
}
