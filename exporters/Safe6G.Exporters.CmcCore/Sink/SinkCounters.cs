namespace Safe6G.Exporters.CmcCore.Sink;

/// <summary>What the sink did for one core's documents (monotonic, read by every scrape).</summary>
public sealed class SinkCounters
{
    private long _written;
    private long _retried;
    private long _dropped;
    private long _queued;

    /// <summary>Documents MongoDB acknowledged.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Document writes attempted again after a failed batch.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Documents thrown away because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Documents held now: queued plus the batch being written.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    internal void AddWritten(long n) => Interlocked.Add(ref _written, n);

    internal void AddRetried(long n) => Interlocked.Add(ref _retried, n);

    internal void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

    internal void AddQueued(long n) => Interlocked.Add(ref _queued, n);
}
