using System.Collections.Concurrent;
using System.Threading.Channels;
using MongoDB.Bson;
using Safe6G.Exporters.Sdk.Model;

namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>
/// The MongoDB tabular sink: each poll's snapshot goes into a bounded in-memory queue (never blocking the scrape;
/// a full queue drops and counts), and one background loop writes it in batches, retrying a failed batch with
/// exponential backoff until the server takes it. Counters per core: written, retried, dropped, queued.
/// </summary>
public sealed class SnapshotSink : IAsyncDisposable
{
    private readonly MongoSinkConfig _config;
    private readonly IDocumentWriter _writer;
    private readonly TimeProvider _time;
    private readonly Serilog.ILogger _log;
    private readonly Channel<Poll> _queue = Channel.CreateUnbounded<Poll>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, SinkCounters> _counters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Counter _held = new();
    private string? _mode;

    /// <summary>Starts the background writer.</summary>
    public SnapshotSink(MongoSinkConfig config, IDocumentWriter writer, TimeProvider time, Serilog.ILogger log)
    {
        _config = config;
        _writer = writer;
        _time = time;
        _log = log;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>How documents are stored once prepared ("timeseries" or "ttl_index"), else null.</summary>
    public string? StorageMode => Volatile.Read(ref _mode);

    /// <summary>The counters of one core.</summary>
    public SinkCounters CountersFor(string core) => _counters.GetOrAdd(core, _ => new SinkCounters());

    /// <summary>
    /// Queues every sample of a poll and returns at once: the snapshot itself is queued (families built so far; it is
    /// never changed afterwards except by appending) and turned into documents by the writer loop, off the scrape path.
    /// Samples beyond queue_capacity are dropped and counted.
    /// </summary>
    public void Offer(string core, MetricSnapshot snapshot, DateTimeOffset at)
    {
        var counters = CountersFor(core);
        var samples = snapshot.SampleCount;
        long accepted;
        lock (_held)
        {
            accepted = Math.Clamp(_config.QueueCapacity - _held.Value, 0, samples);
            _held.Value += accepted;
        }
        var dropped = samples - accepted;
        if (accepted > 0)
        {
            counters.AddQueued(accepted);
            _queue.Writer.TryWrite(new Poll(core, snapshot, snapshot.Families.Count, at, accepted));
        }
        if (dropped > 0)
        {
            counters.AddDropped(dropped);
            _log.Warning("mongodb sink queue full ({capacity} documents): dropped {dropped} documents of core {core}", _config.QueueCapacity, dropped, core);
        }
    }

    /// <summary>Adds the sink's counters for <paramref name="core"/> to a scrape's snapshot.</summary>
    public void AddTo(MetricSnapshot snapshot, string core)
    {
        var c = CountersFor(core);
        snapshot.Counter("cmc_mongodb_documents_written_total", "Snapshot documents MongoDB acknowledged.", "core").Add(c.Written, core);
        snapshot.Counter("cmc_mongodb_documents_retried_total", "Document writes retried after a failed batch.", "core").Add(c.Retried, core);
        snapshot.Counter("cmc_mongodb_documents_dropped_total", "Snapshot documents dropped because the sink queue was full.", "core").Add(c.Dropped, core);
        snapshot.Gauge("cmc_mongodb_queue_documents", "Snapshot documents held by the sink, queued or being written (at most queue_capacity).", "core").Add(c.Queued, core);
    }

    /// <summary>Stops the writer; documents still queued are lost (they are counted as queued until then).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var batch = new List<(string Core, BsonDocument Document)>(_config.BatchSize);
        var documents = new List<BsonDocument>(_config.BatchSize);
        await foreach (var poll in _queue.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var snapshot = new MetricSnapshot();
            foreach (var family in poll.Snapshot.Families.Take(poll.Families))
                snapshot.Add(family);
            foreach (var document in SnapshotDocuments.From(poll.Core, snapshot, poll.At).Take((int)poll.Accepted))
            {
                batch.Add((poll.Core, document));
                if (batch.Count == _config.BatchSize)
                    await FlushAsync(batch, documents, stop).ConfigureAwait(false);
            }
            // Write what this poll left over now rather than wait for the next poll.
            if (batch.Count > 0 && !_queue.Reader.TryPeek(out _))
                await FlushAsync(batch, documents, stop).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(List<(string Core, BsonDocument Document)> batch, List<BsonDocument> documents, CancellationToken stop)
    {
        documents.Clear();
        documents.AddRange(batch.Select(b => b.Document));
        await WriteWithRetryAsync(batch, documents, stop).ConfigureAwait(false);
        foreach (var group in batch.GroupBy(b => b.Core, StringComparer.Ordinal))
        {
            var counters = CountersFor(group.Key);
            counters.AddWritten(group.Count());
            counters.AddQueued(-group.Count());
        }
        lock (_held)
            _held.Value -= batch.Count;
        batch.Clear();
    }

    private sealed record Poll(string Core, MetricSnapshot Snapshot, int Families, DateTimeOffset At, long Accepted);

    private sealed class Counter
    {
        public long Value;
    }

    private async Task WriteWithRetryAsync(List<(string Core, BsonDocument Document)> batch, List<BsonDocument> documents, CancellationToken stop)
    {
        var backoff = _config.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(_config.WriteTimeout);
                if (_mode is null)
                {
                    Volatile.Write(ref _mode, await _writer.PrepareAsync(timeout.Token).ConfigureAwait(false));
                    _log.Information("mongodb sink writes {database}.{collection} as {mode}", _config.Database, _config.Collection, _mode);
                }
                await _writer.InsertAsync(documents, timeout.Token).ConfigureAwait(false);
                if (attempt > 1)
                    _log.Information("mongodb sink: batch of {count} written after {attempts} attempts", documents.Count, attempt);
                return;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                if (attempt == 1 || attempt % 10 == 0)
                    _log.Warning("mongodb sink: writing a batch of {count} failed (attempt {attempt}), retrying in {backoff}: {error}",
                        documents.Count, attempt, backoff, ex.Message);
                foreach (var group in batch.GroupBy(b => b.Core, StringComparer.Ordinal))
                    CountersFor(group.Key).AddRetried(group.Count());
                await Task.Delay(backoff, _time, stop).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _config.MaxBackoff.Ticks));
            }
        }
    }
}
