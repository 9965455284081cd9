using System.Globalization;
using System.Text;

namespace Safe6G.Gateway.Datasets;

/// <summary>
/// CSV (RFC 4180): <c>timestamp</c> (unix seconds), one column per label name (sorted, __name__ first; empty when a
/// series lacks the label), <c>value</c> (Go-style: NaN, +Inf, -Inf). Rows in fetch order: window, series, time.
/// </summary>
public static class CsvDatasetWriter
{
    /// <summary>Writes the dataset.</summary>
    public static async Task WriteAsync(FetchedDataset data, Stream output, CancellationToken cancellationToken)
    {
        var names = data.Series.LabelNames();
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', DatasetExporter.Columns(names).Select(Escape))).ConfigureAwait(false);
            // Each series' label cells are rendered once.
            var cells = data.Series.All.Select(s => string.Join(',', names.Select(n => Escape(s.Labels.GetValueOrDefault(n, ""))))).ToArray();
            var line = new StringBuilder(256);
            foreach (var batch in data.Samples.Read(65_536))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    line.Clear();
                    line.Append(TimeArg.Unix(batch.Milliseconds[i])).Append(',');
                    if (names.Count > 0)
                    {
                        line.Append(cells[batch.Series[i]]).Append(',');
                    }

                    line.Append(FormatValue(batch.Values[i])).Append('\n');
                    await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>A value as Prometheus prints it.</summary>
    public static string FormatValue(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
