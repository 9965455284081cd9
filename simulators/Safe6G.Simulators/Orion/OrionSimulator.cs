using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Common;
using Safe6G.Simulators.Orion.Federation;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Model;

namespace Safe6G.Simulators.Orion;

/// <summary>
/// A simulated aeriOS Orion-LD context broker (NGSI-LD API subset, seeded continuum, federation, tenants, faults).
/// Entry points for <c>safe6g sim orion</c> (<see cref="RunAsync"/>) and for tests (<see cref="StartAsync"/>).
/// </summary>
public static class OrionSimulator
{
    /// <summary>Version reported by GET /version, the aerOS custom Orion-LD image the research notes name.</summary>
    public const string OrionLdVersion = "1.4.2";

    /// <summary>Starts the broker and returns once it listens; dispose the result to stop it.</summary>
    public static Task<RunningSimulator> StartAsync(OrionSimulatorOptions options, CancellationToken cancellationToken = default)
        => StartCoreAsync(options, logToConsole: false, cancellationToken);

    private static async Task<RunningSimulator> StartCoreAsync(OrionSimulatorOptions options, bool logToConsole, CancellationToken cancellationToken)
    {
        var invalid = options.Validate();
        if (invalid is not null) throw new ArgumentException(invalid, nameof(options));

        var tenants = new TenantRegistry(options);
        var maps = new EntityMapStore(options.Clock);
        var http = new HttpClient { Timeout = options.PeerTimeout };
        var broker = new OrionBroker(options, tenants, maps, new PeerClient(http, $"urn:ngsi-ld:Domain:{options.Domain}"));
        var host = new SimulatorOptions
        {
            Listen = options.Listen,
            Seed = options.Seed,
            Scale = options.Scale,
            Faults = options.Faults,
            Clock = options.Clock,
            Auth = options.Auth,
            LogToConsole = logToConsole,
            WriteInjectedError = (context, status) =>
                new NgsiProblem(status, "InternalError", status == 503 ? "Service Unavailable" : "Internal Error", "simulated fault").WriteAsync(context),
        };
        return await SimulatorHost.StartAsync(host, app =>
        {
            app.Lifetime.ApplicationStopped.Register(http.Dispose);
            Map(app, broker, options);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs the broker until <paramref name="cancellationToken"/> is cancelled; prints the bound URL to stdout first.
    /// Returns 0 on a clean stop; throws <see cref="ArgumentException"/> for invalid options (exit code 2 for the CLI).
    /// </summary>
    public static async Task<int> RunAsync(OrionSimulatorOptions options, CancellationToken cancellationToken)
    {
        await using var running = await StartCoreAsync(options, logToConsole: true, cancellationToken);
        await Console.Out.WriteLineAsync(
            $"orion simulator listening on {running.BaseAddress} (domain {options.Domain}, seed {options.Seed}, scale {options.Scale}, peers {options.Peers.Count})");
        try { await Task.Delay(Timeout.Infinite, cancellationToken); }
        catch (OperationCanceledException) { }
        return 0;
    }

    private static void Map(WebApplication app, OrionBroker broker, OrionSimulatorOptions options)
    {
        const string entities = "/ngsi-ld/v1/entities";
        app.MapGet(entities, broker.GetEntitiesAsync);
        app.MapPost(entities, broker.CreateEntityAsync);
        app.MapGet(entities + "/{id}", (HttpContext c, string id) => broker.GetEntityAsync(c, id));
        app.MapPatch(entities + "/{id}", (HttpContext c, string id) => broker.UpdateAttributesAsync(c, id, onlyExisting: false, mergeSubAttributes: true));
        app.MapDelete(entities + "/{id}", (HttpContext c, string id) => broker.DeleteEntityAsync(c, id));
        app.MapPatch(entities + "/{id}/attrs", (HttpContext c, string id) => broker.UpdateAttributesAsync(c, id, onlyExisting: true, mergeSubAttributes: false));
        app.MapPost(entities + "/{id}/attrs", (HttpContext c, string id) => broker.UpdateAttributesAsync(c, id, onlyExisting: false, mergeSubAttributes: false));
        app.MapGet("/ngsi-ld/v1/types", broker.GetTypesAsync);
        app.MapGet("/version", () => Results.Json(new Dictionary<string, object>
        {
            ["Orion-LD version"] = OrionLdVersion,
            ["based on orion"] = "1.15.0-next",
            ["branch"] = "safe6g-simulator",
            ["brokerId"] = broker.BrokerId,
            ["Core Context"] = LdContext.CoreContext,
            ["Next File Descriptor"] = 20,
            ["simulated"] = true,
            ["domain"] = options.Domain,
        }));
    }
}
