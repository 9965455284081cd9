namespace Safe6G.Simulators.Orion.Model;

/// <summary>
/// One attribute, immutable. <see cref="Value"/> holds long, double, bool, string, string[] (multi-object
/// relationship) or JsonElement (objects, arrays, GeoJSON). A <see cref="Live"/> function makes the value move
/// with time (what self-awareness PATCHes every few seconds); an update replaces the attribute and drops it.
/// </summary>
internal sealed record NgsiAttribute
{
    public required string Name { get; init; }
    public AttributeKind Kind { get; init; } = AttributeKind.Property;
    public object? Value { get; init; }
    public string? UnitCode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
    public Func<DateTimeOffset, object>? Live { get; init; }

    /// <summary>Granularity of live values: self-awareness samples every 5 s.</summary>
    public static readonly TimeSpan LiveStep = TimeSpan.FromSeconds(5);

    public object? ValueAt(DateTimeOffset now) => Live is null ? Value : Live(now);

    /// <summary>A live value was last "written" at the start of the current sampling step.</summary>
    public DateTimeOffset ModifiedAtAt(DateTimeOffset now)
    {
        if (Live is null) return ModifiedAt;
        var step = (long)LiveStep.TotalMilliseconds;
        var bucketStart = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() / step * step);
        return bucketStart > ModifiedAt ? bucketStart : ModifiedAt;
    }
}
