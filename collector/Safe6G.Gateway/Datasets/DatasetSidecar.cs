using System.Text.Json;

namespace Safe6G.Gateway.Datasets;

/// <summary>
/// The JSON sidecar of an export: query, range, step, windows, and per series its labels, samples and gaps (runs of
/// steps without a sample). query_range cannot tell a stale series from an absent one, so stale ranges show as gaps.
/// </summary>
public static class DatasetSidecar
{
    /// <summary>Writes the sidecar.</summary>
    public static async Task WriteAsync(FetchedDataset data, string format, Stream output, CancellationToken cancellationToken)
    {
        var r = data.Request;
        var doc = new Dictionary<string, object?>
        {
            ["query"] = r.Query,
            ["start"] = r.Start.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["end"] = r.End.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["step_seconds"] = r.Step.TotalSeconds,
            ["format"] = format,
            ["columns"] = DatasetExporter.Columns(data.Series.LabelNames()),
            ["windows"] = data.Windows,
            ["samples"] = data.Samples.Count,
            ["series_count"] = data.Series.All.Count,
            ["series"] = data.Series.All.Select(s => new Dictionary<string, object?>
            {
                ["labels"] = s.Labels,
                ["samples"] = s.Samples,
                ["missing_steps"] = s.MissingSteps,
                ["gaps"] = s.Gaps.Select(g => new[] { TimeArg.Unix(g.FromMs), TimeArg.Unix(g.ToMs) }),
                ["gaps_truncated"] = s.Gaps.Count >= SeriesTable.MaxGapsPerSeries,
            }),
        };
        await JsonSerializer.SerializeAsync(output, doc, new JsonSerializerOptions { WriteIndented = true }, cancellationToken).ConfigureAwait(false);
    }
}
