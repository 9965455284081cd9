namespace Safe6G.Portal.Upstreams;

/// <summary>One series of a query answer: its labels and (timestamp, value) points; an instant query has one point.</summary>
public sealed record Series(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(double Time, double Value)> Points)
{
    /// <summary>A label's value, or "" when absent.</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var v) ? v : "";

    /// <summary>The last value (the instant value for an instant query).</summary>
    public double Value => Points.Count == 0 ? double.NaN : Points[^1].Value;
}
