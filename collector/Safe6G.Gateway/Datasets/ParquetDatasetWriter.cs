using Parquet;
using Parquet.Schema;

namespace Safe6G.Gateway.Datasets;

/// <summary>
/// Parquet with typed columns: <c>timestamp</c> (UTC timestamp, millisecond unit), one nullable string column per
/// label (same order as the CSV), <c>value</c> (double). One row group per million rows, so memory stays flat.
/// </summary>
public static class ParquetDatasetWriter
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 1_000_000;

    /// <summary>Writes the dataset.</summary>
    public static async Task WriteAsync(FetchedDataset data, Stream output, CancellationToken cancellationToken)
    {
        var names = data.Series.LabelNames();
        var columns = DatasetExporter.Columns(names);
        var timestamp = new DateTimeDataField(columns[0], DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);
        var labelFields = names.Select((n, i) => new DataField<string>(columns[i + 1], nullable: true)).ToArray();
        var value = new DataField<double>(columns[^1], nullable: false);
        var schema = new ParquetSchema([timestamp, .. labelFields, value]);

        // Parquet needs a seekable target only for the footer offsets it computes itself; a buffered non-seekable
        // stream (an HTTP response) works as long as Parquet.Net writes forward, which it does.
        await using var writer = await ParquetWriter.CreateAsync(schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var series = data.Series.All;
        foreach (var batch in data.Samples.Read(RowGroupSize))
        {
            using var group = writer.CreateRowGroup();
            var times = new DateTime[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                times[i] = DateTime.UnixEpoch.AddMilliseconds(batch.Milliseconds[i]);
            }

            await group.WriteAsync<DateTime>(timestamp, times, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var c = 0; c < names.Count; c++)
            {
                var column = new string?[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    column[i] = series[batch.Series[i]].Labels.GetValueOrDefault(names[c]);
                }

                await group.WriteAsync(labelFields[c], column!).ConfigureAwait(false);
            }

            await group.WriteAsync<double>(value, batch.Values, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
