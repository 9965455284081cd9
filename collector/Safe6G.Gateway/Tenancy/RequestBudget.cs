namespace Safe6G.Gateway.Tenancy;

/// <summary>
/// A token bucket refilled lazily from a clock on each request (no timer, no queue): <see cref="TryTake"/> either
/// spends one request or says how long until the next one is allowed.
/// </summary>
public sealed class RequestBudget
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    /// <summary>A full bucket of <paramref name="burst"/> requests, refilled at <paramref name="perSecond"/>.</summary>
    public RequestBudget(double perSecond, int burst, TimeProvider clock)
    {
        _perSecond = perSecond;
        _burst = burst;
        _clock = clock;
        _tokens = burst;
        _last = clock.GetTimestamp();
    }

    /// <summary>Spends one request; false with the wait until one is available when the bucket is empty.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_clock.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            return false;
        }
    }
}
