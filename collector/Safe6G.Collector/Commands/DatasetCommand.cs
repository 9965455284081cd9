using System.CommandLine;
using Safe6G.Gateway.Datasets;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g dataset export</c>: a PromQL range query, fetched in windows, written as CSV or Parquet plus a JSON sidecar.</summary>
internal static class DatasetCommand
{
    public static Command Build()
    {
        var source = new Option<string>("--source") { Description = "Prometheus-API base URL (Prometheus, Thanos Query, or http://GATEWAY/thanos with --token)", Required = true };
        var query = new Option<string>("--query") { Description = "PromQL", Required = true };
        var start = new Option<string>("--start") { Description = "start (RFC 3339, unix seconds, now-30d)", Required = true };
        var end = new Option<string>("--end") { Description = "end (RFC 3339, unix seconds, now)", Required = true };
        var step = new Option<string>("--step") { Description = "resolution, e.g. 30s", Required = true };
        var format = new Option<string>("--format") { Description = "csv or parquet", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var output = new Option<string>("--out") { Description = "output file (the sidecar goes to FILE.json)", Required = true };
        var token = new Option<string?>("--token") { Description = "bearer token (when --source is the gateway)" };
        var maxPoints = new Option<int>("--max-points") { Description = "points per series per request (≤ 11000)", DefaultValueFactory = _ => 11_000 };
        var quiet = new Option<bool>("--quiet") { Description = "no progress bar" };
        var export = new Command("export", "Export a PromQL range query as a CSV or Parquet dataset")
        {
            source, query, start, end, step, format, output, token, maxPoints, quiet,
        };
        export.SetAction(async (result, cancellationToken) =>
        {
            DatasetRequest request;
            var now = DateTimeOffset.UtcNow;
            try
            {
                request = new DatasetRequest(result.GetValue(query)!, TimeArg.Parse(result.GetValue(start)!, now), TimeArg.Parse(result.GetValue(end)!, now), TimeArg.ParseStep(result.GetValue(step)!));
                if (!Uri.TryCreate(result.GetValue(source), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new FormatException($"--source {result.GetValue(source)} is not an http(s) URL");
                }

                if (request.Problem(TimeSpan.FromDays(3650)) is { } problem)
                {
                    throw new FormatException(problem);
                }

                if (result.GetValue(maxPoints) is < 1 or > 11_000)
                {
                    throw new FormatException("--max-points must be between 1 and 11000");
                }
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g dataset export: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var file = result.GetValue(output)!;
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var client = new RangeQueryClient(http, result.GetValue(source)!, result.GetValue(token));
            var progress = result.GetValue(quiet) ? null : new ProgressBar();
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var data = await DatasetExporter.FetchAsync(client, request, result.GetValue(maxPoints), progress, cancellationToken).ConfigureAwait(false);
                progress?.Done();
                var fetched = watch.Elapsed;
                var fmt = result.GetValue(format)!;
                await using (var stream = File.Create(file))
                {
                    await DatasetExporter.WriteAsync(data, fmt, stream, cancellationToken).ConfigureAwait(false);
                }

                await using (var sidecar = File.Create(file + ".json"))
                {
                    await DatasetSidecar.WriteAsync(data, fmt, sidecar, cancellationToken).ConfigureAwait(false);
                }

                var written = watch.Elapsed - fetched;
                await Console.Error.WriteLineAsync(
                    $"wrote {data.Samples.Count} samples of {data.Series.All.Count} series to {file} ({data.Windows} requests); sidecar {file}.json; " +
                    $"fetch {fetched.TotalMilliseconds:0} ms, write {written.TotalMilliseconds:0} ms ({data.Samples.Count / Math.Max(written.TotalSeconds, 1e-6):0} samples/s)").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DatasetSourceException ex)
            {
                progress?.Done();
                await Console.Error.WriteLineAsync($"safe6g dataset export: {ex.ErrorType}: {ex.Message}").ConfigureAwait(false);
                return ex.Status is 400 or 422 ? ExitCodes.Usage : ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TaskCanceledException)
            {
                progress?.Done();
                await Console.Error.WriteLineAsync($"safe6g dataset export: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return new Command("dataset", "Training data for MLOps") { export };
    }

    /// <summary>A one-line progress bar on stderr (windows fetched, samples so far).</summary>
    private sealed class ProgressBar : IProgress<(int Done, int Total, long Samples)>
    {
        public void Report((int Done, int Total, long Samples) value)
        {
            const int width = 30;
            var filled = value.Total == 0 ? width : value.Done * width / value.Total;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total} windows, {value.Samples} samples");
        }

        public void Done() => Console.Error.WriteLine();
    }
}
