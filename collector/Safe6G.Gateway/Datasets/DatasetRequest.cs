namespace Safe6G.Gateway.Datasets;

/// <summary>One export: a PromQL range query over [Start, End] at Step.</summary>
public sealed record DatasetRequest(string Query, DateTimeOffset Start, DateTimeOffset End, TimeSpan Step)
{
    /// <summary>Checks the range; returns the reason when it is unusable.</summary>
    public string? Problem(TimeSpan maxRange) =>
        End < Start ? "end is before start"
        : End - Start > maxRange ? $"range {End - Start} is longer than the allowed {maxRange}"
        : Step <= TimeSpan.Zero ? "step must be positive"
        : null;

    /// <summary>Consecutive [start, end] windows of at most <paramref name="maxPoints"/> steps each, aligned to the step.</summary>
    public IEnumerable<(long StartMs, long EndMs)> Chunks(int maxPoints)
    {
        var step = (long)Step.TotalMilliseconds;
        var start = Start.ToUnixTimeMilliseconds();
        var end = End.ToUnixTimeMilliseconds();
        for (var from = start; from <= end; from += step * maxPoints)
        {
            yield return (from, Math.Min(end, from + (step * (maxPoints - 1))));
        }
    }
}
