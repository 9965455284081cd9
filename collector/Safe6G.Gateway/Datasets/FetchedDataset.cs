namespace Safe6G.Gateway.Datasets;

/// <summary>All windows of an export fetched: the series table and the spooled samples. Dispose to drop the spool.</summary>
public sealed class FetchedDataset(DatasetRequest request, SeriesTable series, SampleSpool samples, int windows) : IDisposable
{
    /// <summary>What was asked.</summary>
    public DatasetRequest Request { get; } = request;

    /// <summary>Series and gaps.</summary>
    public SeriesTable Series { get; } = series;

    /// <summary>The samples.</summary>
    public SampleSpool Samples { get; } = samples;

    /// <summary>query_range calls made.</summary>
    public int Windows { get; } = windows;

    /// <inheritdoc />
    public void Dispose() => Samples.Dispose();
}
