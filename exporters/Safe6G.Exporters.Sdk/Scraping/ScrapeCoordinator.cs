using System.Collections.Concurrent;
using System.Diagnostics;
using Safe6G.Exporters.Sdk.Model;
using Safe6G.Exporters.Sdk.Sources;

namespace Safe6G.Exporters.Sdk.Scraping;

/// <summary>
/// Runs scrapes against a source with singleflight (concurrent scrapes of one target share one fetch),
/// a short result cache, bounded upstream concurrency and a per-scrape deadline. A scrape never waits
/// longer than its budget: a slow upstream yields a failed outcome, not a hung request.
/// </summary>
public sealed class ScrapeCoordinator
{
    private const int SweepThreshold = 1024;
    private readonly IScrapeSource _source;
    private readonly ScrapeSettings _settings;
    private readonly SelfMetrics _metrics;
    private readonly SemaphoreSlim _upstreamSlots;
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly System.Text.RegularExpressions.Regex? _drop;

    /// <summary>Creates a coordinator for one source and one configuration generation.</summary>
    public ScrapeCoordinator(IScrapeSource source, ScrapeSettings settings, SelfMetrics metrics, TimeProvider? time = null)
    {
        _source = source;
        _settings = settings;
        _drop = settings.DropFamiliesRegex();
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _upstreamSlots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
    }

    /// <summary>Scrapes <paramref name="target"/> within <paramref name="budget"/>; never throws for upstream trouble.</summary>
    public async Task<ScrapeOutcome> ScrapeAsync(ScrapeTarget target, TimeSpan budget, CancellationToken requestAborted)
    {
        var started = Stopwatch.GetTimestamp();
        var (flight, shared) = JoinOrStart(target, budget);
        if (shared)
            _metrics.CacheHits.WithLabels(target.SourceLabel).Inc();
        try
        {
            var snapshot = await flight.Result.WaitAsync(budget, _time, requestAborted).ConfigureAwait(false);
            return new ScrapeOutcome(snapshot, true, Stopwatch.GetElapsedTime(started), null, null, shared);
        }
        catch (TimeoutException)
        {
            // Only this waiter gave up; the shared fetch keeps its own deadline and may still serve others.
            return Failed(started, "timeout", $"upstream did not answer within {budget.TotalSeconds:0.###}s", shared);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failed(started, "timeout", $"upstream did not answer within {budget.TotalSeconds:0.###}s", shared);
        }
        catch (UpstreamException ex)
        {
            return Failed(started, ex.Reason, ex.Message, shared);
        }
        catch (Exception ex)
        {
            return Failed(started, "error", ex.Message, shared);
        }
    }

    // Errors are counted once, inside the fetch, so that N waiters on one failed fetch count one error.
    private static ScrapeOutcome Failed(long started, string reason, string message, bool shared) => new ScrapeOutcome(null, false, Stopwatch.GetElapsedTime(started), reason, message, shared);

    private (Flight Flight, bool Shared) JoinOrStart(ScrapeTarget target, TimeSpan budget)
    {
        var now = _time.GetTimestamp();
        while (true)
        {
            if (_flights.TryGetValue(target.CacheKey, out var existing))
            {
                if (existing.IsReusable(now, _settings.CacheTtl, _time))
                    return (existing, true);
                var replacement = new Flight();
                if (!_flights.TryUpdate(target.CacheKey, replacement, existing))
                    continue;
                Start(replacement, target, budget);
                return (replacement, false);
            }
            var fresh = new Flight();
            if (!_flights.TryAdd(target.CacheKey, fresh))
                continue;
            if (_flights.Count > SweepThreshold)
                Sweep(now);
            Start(fresh, target, budget);
            return (fresh, false);
        }
    }

    private void Start(Flight flight, ScrapeTarget target, TimeSpan budget) =>
        flight.Run(() => FetchAsync(target, budget), _time);

    private async Task<MetricSnapshot> FetchAsync(ScrapeTarget target, TimeSpan budget)
    {
        // The fetch owns its deadline: the budget of the scrape that started it.
        using var cts = new CancellationTokenSource(budget, _time);
        try
        {
            await _upstreamSlots.WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _metrics.UpstreamErrors.WithLabels(target.SourceLabel, "queue_timeout").Inc();
            throw new UpstreamException("queue_timeout", "no upstream slot free before the deadline (max_concurrency reached)");
        }
        try
        {
            _metrics.UpstreamFetches.WithLabels(target.SourceLabel).Inc();
            var snapshot = await _source.CollectAsync(target, cts.Token).ConfigureAwait(false);
            return _drop is null ? snapshot : snapshot.Without(_drop);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            _metrics.UpstreamErrors.WithLabels(target.SourceLabel, "timeout").Inc();
            throw new UpstreamException("timeout", $"upstream did not answer within {budget.TotalSeconds:0.###}s");
        }
        catch (UpstreamException ex)
        {
            _metrics.UpstreamErrors.WithLabels(target.SourceLabel, ex.Reason).Inc();
            throw;
        }
        catch (Exception ex)
        {
            _metrics.UpstreamErrors.WithLabels(target.SourceLabel, "error").Inc();
            throw new UpstreamException("error", ex.Message, ex);
        }
        finally
        {
            _upstreamSlots.Release();
        }
    }

    private void Sweep(long now)
    {
        foreach (var (key, flight) in _flights)
        {
            if (!flight.IsReusable(now, _settings.CacheTtl, _time))
                _flights.TryRemove(new KeyValuePair<string, Flight>(key, flight));
        }
    }

    /// <summary>One upstream fetch that concurrent scrapes can join.</summary>
    private sealed class Flight
    {
        private long _completedAt;
        private Task<MetricSnapshot>? _result;

        public Task<MetricSnapshot> Result => _result ?? throw new InvalidOperationException("flight not started");

        public void Run(Func<Task<MetricSnapshot>> fetch, TimeProvider time)
        {
            _result = Task.Run(async () =>
            {
                try
                {
                    return await fetch().ConfigureAwait(false);
                }
                finally
                {
                    Volatile.Write(ref _completedAt, time.GetTimestamp());
                }
            });
        }

        /// <summary>In flight, or completed successfully within the cache TTL.</summary>
        public bool IsReusable(long now, TimeSpan ttl, TimeProvider time)
        {
            var result = _result;
            if (result is null || !result.IsCompleted)
                return true;
            if (!result.IsCompletedSuccessfully)
                return false;
            var completed = Volatile.Read(ref _completedAt);
            return completed != 0 && time.GetElapsedTime(completed, now) < ttl;
        }
    }
}
