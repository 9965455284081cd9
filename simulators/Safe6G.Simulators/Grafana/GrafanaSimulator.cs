using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Grafana;

/// <summary>
/// A simulated Grafana HTTP API (folders, data sources, POST /api/dashboards/db, GET /api/dashboards/uid/:uid,
/// /api/health) with token or basic auth, for the dashboards importer's tests: Grafana does not run here.
/// </summary>
public static class GrafanaSimulator
{
    /// <summary>Starts and returns once listening, with the store (tests read folders and dashboards from it).</summary>
    public static async Task<(RunningSimulator Running, GrafanaStore Store)> StartWithStoreAsync(GrafanaSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var store = new GrafanaStore();
        var api = new GrafanaApi(store, options);
        var host = new SimulatorOptions
        {
            Listen = options.Listen,
            Faults = options.Faults,
            // Grafana's error body shape, so the client's message extraction is exercised on injected faults too.
            WriteInjectedError = (context, status) => context.Response.WriteAsJsonAsync(new { message = $"simulated internal error {status}" }),
        };
        var running = await SimulatorHost.StartAsync(host, app =>
        {
            app.MapGet("/api/health", () => Results.Json(new { database = "ok", version = "11.0.0-sim" }));
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/api/health", StringComparison.Ordinal)
                    || context.Request.Path.StartsWithSegments(SimulatorHost.AdminPrefix, StringComparison.Ordinal)
                    || api.IsAuthorized(context.Request))
                {
                    await next(context);
                    return;
                }
                await GrafanaApi.Message(401, context.Request.Headers.Authorization.Count == 0 ? "Unauthorized" : "invalid API key").ExecuteAsync(context);
            });
            app.MapGet("/api/folders", api.Folders);
            app.MapGet("/api/folders/{uid}", (string uid) => api.Folder(uid));
            app.MapPost("/api/folders", (Func<HttpContext, Task<IResult>>)api.CreateFolderAsync);
            app.MapGet("/api/datasources", api.DataSources);
            app.MapPost("/api/dashboards/db", (Func<HttpContext, Task<IResult>>)api.SaveDashboardAsync);
            app.MapGet("/api/dashboards/uid/{uid}", (string uid) => api.Dashboard(uid));
        }, cancellationToken);
        return (running, store);
    }

    /// <summary>Starts and returns once listening; dispose the result to stop.</summary>
    public static async Task<RunningSimulator> StartAsync(GrafanaSimulatorOptions options, CancellationToken cancellationToken = default) =>
        (await StartWithStoreAsync(options, cancellationToken)).Running;
}
