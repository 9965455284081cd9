using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Datasets;
using Safe6G.Gateway.Proxy;

namespace Safe6G.Gateway.Routes;

/// <summary>
/// <c>GET|POST /datasets/export</c> and <c>POST /datasets</c> (query, start, end, step, format=csv|parquet|sidecar):
/// the tenant-enforced query is run over the Thanos upstream window by window and returned as a file.
/// </summary>
public static class DatasetRoutes
{
    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder app, GatewayPipeline pipeline, Upstream upstream, DatasetConfig config, string scope)
    {
        RequestDelegate handler = c => pipeline.HandleAsync(c, "dataset_export", scope, call => ExportAsync(pipeline, upstream, config, call));
        app.MapMethods("/datasets/export", ["GET", "POST"], handler);
        app.MapPost("/datasets", handler);
    }

    private static async Task ExportAsync(GatewayPipeline pipeline, Upstream upstream, DatasetConfig config, GatewayCall call)
    {
        var p = call.Params;
        var query = p.Single("query");
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new BadRequestException("invalid parameter \"query\": missing");
        }

        var format = p.Single("format") ?? "csv";
        if (format is not ("csv" or "parquet" or "sidecar"))
        {
            throw new BadRequestException($"invalid parameter \"format\": {format} (csv, parquet or sidecar)");
        }

        DatasetRequest request;
        try
        {
            var now = DateTimeOffset.UtcNow;
            request = new DatasetRequest(call.Tenant.EnforceQuery(query), TimeArg.Parse(Required(p, "start"), now), TimeArg.Parse(Required(p, "end"), now), TimeArg.ParseStep(Required(p, "step")));
        }
        catch (FormatException ex) when (ex is not PromQl.PromQlParseException)
        {
            throw new BadRequestException(ex.Message);
        }

        if (request.Problem(config.MaxRange) is { } problem)
        {
            throw new BadRequestException(problem);
        }

        var context = call.Context;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // The upstream deadline applies per window; the whole export may take windows × timeout at most.
        var client = new RangeQueryClient(upstream.Client, upstream.BaseUrl);
        FetchedDataset data;
        try
        {
            data = await DatasetExporter.FetchAsync(client, request, config.MaxPointsPerRequest, null, cts.Token).ConfigureAwait(false);
        }
        catch (DatasetSourceException ex)
        {
            await ApiError.WriteAsync(context, ex.Status, ex.ErrorType, ex.Message).ConfigureAwait(false);
            return;
        }

        using (data)
        {
            pipeline.Metrics.DatasetSamples(call.Tenant.Name, data.Samples.Count);
            context.Response.Headers["X-Safe6G-Dataset-Series"] = data.Series.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-Safe6G-Dataset-Samples"] = data.Samples.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (format == "sidecar")
            {
                context.Response.ContentType = "application/json";
                await DatasetSidecar.WriteAsync(data, format, context.Response.Body, cts.Token).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"dataset.{format}\"";
            if (format == "csv")
            {
                await CsvDatasetWriter.WriteAsync(data, context.Response.Body, cts.Token).ConfigureAwait(false);
                return;
            }

            // Parquet.Net wants a seekable stream (and may write synchronously), which a response body is not: build the
            // file on disk, then stream it.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await using (file.ConfigureAwait(false))
            {
                await ParquetDatasetWriter.WriteAsync(data, file, cts.Token).ConfigureAwait(false);
                context.Response.ContentLength = file.Length;
                file.Position = 0;
                await file.CopyToAsync(context.Response.Body, cts.Token).ConfigureAwait(false);
            }
        }
    }

    private static string Required(RequestParams p, string name) =>
        p.Single(name) is { Length: > 0 } v ? v : throw new BadRequestException($"invalid parameter \"{name}\": missing");
}
