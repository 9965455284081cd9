using MongoDB.Bson;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Safe6G.Exporters.CmcCore.Sink;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.CmcCore.Tests.Mongo;

/// <summary>Queue, batching, retry and drop accounting with a substitute writer (faults CongoDB cannot produce on demand).</summary>
public sealed class SnapshotSinkTests
{
    private static MongoSinkConfig Config(int batch = 10, int capacity = 100) => new()
    {
        ConnectionString = "mongodb://unused",
        BatchSize = batch,
        QueueCapacity = capacity,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
        WriteTimeout = TimeSpan.FromSeconds(5),
    };

    private static MetricSnapshot Samples(int n)
    {
        var snapshot = new MetricSnapshot();
        var family = snapshot.Gauge("cmc_test_value", "test", "i");
        for (var i = 0; i < n; i++)
            family.Add(i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return snapshot;
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 400 && !condition(); i++)
            await Task.Delay(25);
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Documents_are_written_in_batches_of_at_most_batch_size()
    {
        var writer = Substitute.For<IDocumentWriter>();
        writer.PrepareAsync(Arg.Any<CancellationToken>()).Returns("ttl_index");
        var sizes = new List<int>();
        writer.InsertAsync(Arg.Do<IReadOnlyList<BsonDocument>>(b => { lock (sizes) sizes.Add(b.Count); }), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        await using var sink = new SnapshotSink(Config(batch: 10, capacity: 100), writer, TimeProvider.System, Serilog.Core.Logger.None);

        sink.Offer("lab", Samples(35), DateTimeOffset.UnixEpoch);
        var counters = sink.CountersFor("lab");
        await Eventually(() => counters.Written == 35, $"written {counters.Written}");
        lock (sizes)
        {
            Assert.Equal(35, sizes.Sum());
            Assert.All(sizes, s => Assert.InRange(s, 1, 10));
        }
        await writer.Received(1).PrepareAsync(Arg.Any<CancellationToken>());
        Assert.Equal("ttl_index", sink.StorageMode);
    }

    [Fact]
    public async Task A_failing_batch_is_retried_with_backoff_until_it_goes_through()
    {
        var writer = Substitute.For<IDocumentWriter>();
        writer.PrepareAsync(Arg.Any<CancellationToken>()).Returns("timeseries");
        var calls = 0;
        writer.InsertAsync(Arg.Any<IReadOnlyList<BsonDocument>>(), Arg.Any<CancellationToken>())
            .Returns(_ => ++calls <= 2 ? Task.FromException(new MongoDB.Driver.MongoConnectionException(new MongoDB.Driver.Core.Connections.ConnectionId(
                new MongoDB.Driver.Core.Servers.ServerId(new MongoDB.Driver.Core.Clusters.ClusterId(), new System.Net.DnsEndPoint("x", 1))), "gone")) : Task.CompletedTask);
        await using var sink = new SnapshotSink(Config(batch: 10), writer, TimeProvider.System, Serilog.Core.Logger.None);

        sink.Offer("lab", Samples(10), DateTimeOffset.UnixEpoch);
        var counters = sink.CountersFor("lab");
        await Eventually(() => counters.Written == 10, $"written {counters.Written}");
        Assert.Equal(20, counters.Retried); // two failed attempts of a 10-document batch
        Assert.Equal(0, counters.Dropped);
    }

    [Fact]
    public async Task Prepare_failures_are_retried_too()
    {
        var writer = Substitute.For<IDocumentWriter>();
        writer.PrepareAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException<string>(new TimeoutException("no server")), Task.FromResult("ttl_index"));
        await using var sink = new SnapshotSink(Config(), writer, TimeProvider.System, Serilog.Core.Logger.None);
        sink.Offer("lab", Samples(3), DateTimeOffset.UnixEpoch);
        var counters = sink.CountersFor("lab");
        await Eventually(() => counters.Written == 3, $"written {counters.Written}");
        Assert.Equal(3, counters.Retried);
    }

    [Fact]
    public async Task A_stuck_server_never_blocks_offer_and_overflow_is_dropped_and_counted()
    {
        var writer = Substitute.For<IDocumentWriter>();
        writer.PrepareAsync(Arg.Any<CancellationToken>()).Returns("ttl_index");
        var never = new TaskCompletionSource();
        writer.InsertAsync(Arg.Any<IReadOnlyList<BsonDocument>>(), Arg.Any<CancellationToken>()).Returns(_ => never.Task);
        var config = Config(batch: 10, capacity: 50);
        config.WriteTimeout = TimeSpan.FromMinutes(5);
        await using var sink = new SnapshotSink(config, writer, TimeProvider.System, Serilog.Core.Logger.None);
        var counters = sink.CountersFor("lab");

        sink.Offer("lab", Samples(10), DateTimeOffset.UnixEpoch);
        await Eventually(() => writer.ReceivedCalls().Any(c => c.GetMethodInfo().Name == nameof(IDocumentWriter.InsertAsync)), "first batch taken");
        // The writer holds 10 of the 50 the sink may keep; 40 more fit; the rest of each offer is dropped, and Offer returns at once.
        var offer = Task.Run(() => { for (var i = 0; i < 10; i++) sink.Offer("lab", Samples(20), DateTimeOffset.UnixEpoch); });
        Assert.Same(offer, await Task.WhenAny(offer, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(50, counters.Queued);
        Assert.Equal(200 - 40, counters.Dropped);

        never.SetResult();
        await Eventually(() => counters.Written == 50, $"written {counters.Written}");
        Assert.Equal(0, counters.Queued);
    }

    [Fact]
    public void Samples_become_one_document_each_with_labels_under_meta()
    {
        var snapshot = new MetricSnapshot();
        snapshot.Counter("cmc_ue_uplink_bytes_total", "h", "core", "imsi").Add(42, "lab", "001010000000001");
        var document = Assert.Single(SnapshotDocuments.From("lab", snapshot, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("cmc_ue_uplink_bytes_total", document["meta"]["metric"].AsString);
        Assert.Equal("counter", document["meta"]["type"].AsString);
        Assert.Equal("001010000000001", document["meta"]["labels"]["imsi"].AsString);
        Assert.Equal(42, document["value"].AsDouble);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), document["ts"].ToUniversalTime());
    }
}
