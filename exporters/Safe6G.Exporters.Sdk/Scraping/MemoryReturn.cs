namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>
/// Gives memory back to the operating system after scrapes that allocated much. An exporter is idle between scrapes,
/// but the GC keeps the memory a large scrape used committed (and a large object heap full of dead buffers waits for
/// a gen2 collection that a small gen0 budget rarely triggers): the CMC exporter's private memory stood at 66 MB
/// after twenty 10,000-UE scrapes with a live heap of 4 MB. A compacting, decommitting full collection of such a
/// heap takes a few milliseconds. It runs <c>delay</c> after the first scrape that found at least
/// <see cref="AllocationThreshold"/> bytes allocated since the last one, off the request path, so a burst of scrapes
/// (or a multi-target exporter probing all the time) pays for one collection per delay, and small exporters never pay.
/// </summary>
public sealed class MemoryReturn
{
    /// <summary>Allocations since the last collection below which nothing is done.</summary>
    public const long AllocationThreshold = 16L * 1024 * 1024;

    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly Func<long> _allocatedBytes;
    private readonly Action _collect;
    private long _allocatedAtLast;
    private int _pending;
    private int _collections;

    /// <summary>Creates the policy; a zero <paramref name="delay"/> turns it off.</summary>
    /// <param name="delay">Time from a large scrape to the collection.</param>
    /// <param name="time">Clock for the delay.</param>
    /// <param name="allocatedBytes">Bytes the process has allocated so far (tests inject it).</param>
    /// <param name="collect">The collection (tests inject it).</param>
    public MemoryReturn(TimeSpan delay, TimeProvider time, Func<long>? allocatedBytes = null, Action? collect = null)
    {
        _delay = delay;
        _time = time;
        _allocatedBytes = allocatedBytes ?? (() => GC.GetTotalAllocatedBytes(precise: false));
        _collect = collect ?? (() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
        _allocatedAtLast = _allocatedBytes();
    }

    /// <summary>How many collections ran.</summary>
    public int Collections => Volatile.Read(ref _collections);

    /// <summary>Called after a scrape's response is sent; schedules a collection when enough was allocated.</summary>
    /// <returns>Whether this call scheduled one.</returns>
    public bool AfterScrape()
    {
        if (_delay <= TimeSpan.Zero || _allocatedBytes() - Interlocked.Read(ref _allocatedAtLast) < AllocationThreshold)
            return false;
        if (Interlocked.CompareExchange(ref _pending, 1, 0) != 0)
            return false;
        _ = CollectLaterAsync();
        return true;
    }

    private async Task CollectLaterAsync()
    {
        try
        {
            await Task.Delay(_delay, _time).ConfigureAwait(false);
            _collect();
            Interlocked.Exchange(ref _allocatedAtLast, _allocatedBytes());
            Interlocked.Increment(ref _collections);
        }
        finally
        {
            Volatile.Write(ref _pending, 0);
        }
    }
}
