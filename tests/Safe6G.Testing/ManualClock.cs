namespace Safe6G.Testing;

/// <summary>
/// A clock tests move by hand, or never: simulated values are reproducible, and expiry or refill can be shown without
/// waiting. Wall time (<see cref="GetUtcNow"/>) and timestamps move together, only through <see cref="Advance"/>.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _elapsedTicks;

    /// <summary>A fixed, recognisable start for tests that need no particular date.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => start + TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _elapsedTicks, by.Ticks);
}
