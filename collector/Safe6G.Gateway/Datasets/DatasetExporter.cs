namespace Safe6G.Gateway.Datasets;

/// <summary>
/// Runs an export: the range is cut into windows of at most <c>maxPoints</c> steps (Prometheus refuses more than
/// 11,000 points per series), each window is fetched and spooled, then the chosen writer turns the spool into rows.
/// </summary>
public static class DatasetExporter
{
    /// <summary>Fetches every window; <paramref name="progress"/> gets (windows done, windows total, samples so far).</summary>
    public static async Task<FetchedDataset> FetchAsync(RangeQueryClient client, DatasetRequest request, int maxPoints,
        IProgress<(int Done, int Total, long Samples)>? progress, CancellationToken cancellationToken)
    {
        var stepMs = (long)request.Step.TotalMilliseconds;
        var table = new SeriesTable(request.Start.ToUnixTimeMilliseconds(), stepMs);
        var spool = new SampleSpool();
        try
        {
            var windows = request.Chunks(maxPoints).ToList();
            for (var i = 0; i < windows.Count; i++)
            {
                await client.QueryAsync(request.Query, windows[i].StartMs, windows[i].EndMs, stepMs, table, spool, cancellationToken).ConfigureAwait(false);
                progress?.Report((i + 1, windows.Count, spool.Count));
            }

            table.Finish(request.End.ToUnixTimeMilliseconds());
            return new FetchedDataset(request, table, spool, windows.Count);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>Writes the rows in the given format ("csv" or "parquet").</summary>
    public static Task WriteAsync(FetchedDataset data, string format, Stream output, CancellationToken cancellationToken) => format switch
    {
        "csv" => CsvDatasetWriter.WriteAsync(data, output, cancellationToken),
        "parquet" => ParquetDatasetWriter.WriteAsync(data, output, cancellationToken),
        _ => throw new ArgumentException($"unknown format \"{format}\" (csv or parquet)", nameof(format)),
    };

    /// <summary>Column names for a dataset: timestamp, the label names (renamed when they clash), value.</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<string> labelNames) =>
        ["timestamp", .. labelNames.Select(n => n is "timestamp" or "value" ? "label_" + n : n), "value"];
}
