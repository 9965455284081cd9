using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Common;

namespace Safe6G.Simulators.Loki;

/// <summary>
/// A simulated Loki (multi-tenant by X-Scope-OrgID) with seeded demo lines: push and the read API the gateway proxies.
/// Entry points for <c>safe6g sim loki</c> (<see cref="RunAsync"/>) and tests (<see cref="StartAsync"/>).
/// </summary>
public static class LokiSimulator
{
    /// <summary>Starts and returns once listening, with the API object (tests read the org ids it saw).</summary>
    public static async Task<(RunningSimulator Running, LokiApi Api)> StartWithApiAsync(LokiSimulatorOptions options, bool logToConsole = false, CancellationToken cancellationToken = default)
    {
        var store = new LokiStore();
        LokiSeed.Fill(store, options.Seed, options.Scale, options.Tenants, options.Clock.GetUtcNow());
        var api = new LokiApi(store, options.Clock);
        var host = new SimulatorOptions { Listen = options.Listen, Seed = options.Seed, Scale = options.Scale, Faults = options.Faults, Clock = options.Clock, LogToConsole = logToConsole };
        var running = await SimulatorHost.StartAsync(host, app =>
        {
            const string v1 = "/loki/api/v1";
            // Handlers return IResult; typed as Func so minimal APIs write the result instead of treating them as RequestDelegates.
            app.MapPost(v1 + "/push", (Func<HttpContext, Task<IResult>>)api.PushAsync);
            app.MapMethods(v1 + "/query_range", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(c => api.QueryAsync(c, range: true)));
            app.MapMethods(v1 + "/query", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(c => api.QueryAsync(c, range: false)));
            app.MapGet(v1 + "/labels", (Func<HttpContext, Task<IResult>>)api.LabelsAsync);
            app.MapGet(v1 + "/label/{name}/values", (Func<HttpContext, string, Task<IResult>>)api.LabelValuesAsync);
            app.MapMethods(v1 + "/series", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)api.SeriesAsync);
            app.MapGet("/ready", () => Results.Text("ready\n"));
        }, cancellationToken);
        return (running, api);
    }

    /// <summary>Starts and returns once listening; dispose the result to stop.</summary>
    public static async Task<RunningSimulator> StartAsync(LokiSimulatorOptions options, CancellationToken cancellationToken = default) =>
        (await StartWithApiAsync(options, false, cancellationToken)).Running;

    /// <summary>Runs until cancelled, printing the bound URL first.</summary>
    public static async Task<int> RunAsync(LokiSimulatorOptions options, CancellationToken cancellationToken)
    {
        var (running, _) = await StartWithApiAsync(options, logToConsole: true, cancellationToken);
        await using (running)
        {
            await Console.Out.WriteLineAsync($"loki simulator listening on {running.BaseAddress} (tenants {string.Join(',', options.Tenants)}, seed {options.Seed}, {options.Scale} lines per stream)");
            try { await Task.Delay(Timeout.Infinite, cancellationToken); }
            catch (OperationCanceledException) { }
        }
        return 0;
    }
}
