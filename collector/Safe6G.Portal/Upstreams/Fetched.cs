namespace Safe6G.Portal.Upstreams;

/// <summary>An upstream answer or the reason there is none; pages show the reason instead of failing.</summary>
public sealed record Fetched<T>(T? Value, string? Error)
{
    /// <summary>True when the upstream answered usefully.</summary>
    public bool Ok => Error is null;

    /// <summary>A failure with its reason.</summary>
    public static Fetched<T> Fail(string error) => new(default, error);
}
