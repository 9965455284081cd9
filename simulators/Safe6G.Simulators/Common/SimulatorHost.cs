using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safe6G.Simulators.Common;

/// <summary>Starts a minimal-API simulator on Kestrel with fault injection and the /_sim admin endpoints.</summary>
public static class SimulatorHost
{
    /// <summary>Path prefix of the admin endpoints, which faults never touch.</summary>
    public const string AdminPrefix = "/_sim";

    /// <summary>Builds the app, lets <paramref name="map"/> add routes and services, binds, and returns once listening.</summary>
    public static Task<RunningSimulator> StartAsync(SimulatorOptions options, Action<WebApplication> map, CancellationToken cancellationToken)
        => StartAsync(options, static _ => { }, map, cancellationToken);

    /// <summary>Same as the other overload, with a hook to register services before the app is built.</summary>
    public static async Task<RunningSimulator> StartAsync(
        SimulatorOptions options, Action<IServiceCollection> services, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        if (!ListenAddress.TryParse(options.Listen, out var url, out var error))
            throw new ArgumentException(error, nameof(options));
        var faults = new FaultSwitches(options.Faults, options.Seed);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(options);
        services(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        MapAdmin(app, faults);
        if (options.Auth is { Enabled: true } auth) UseAuth(app, new TokenIssuer(auth, options.Clock));
        map(app);

        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address");
        return new RunningSimulator(app, new Uri(bound.TrimEnd('/') + "/"), faults);
    }

    /// <summary>Token endpoint plus a gate that answers 401 (empty body, as the KrakenD gateway does) without a valid token.</summary>
    private static void UseAuth(WebApplication app, TokenIssuer issuer)
    {
        app.MapPost(TokenIssuer.TokenPathPattern, (HttpContext context, string realm) => issuer.IssueAsync(context, realm));
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments(AdminPrefix, StringComparison.Ordinal) || path.StartsWithSegments("/realms", StringComparison.Ordinal)
                || issuer.IsAuthorized(context.Request))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer";
        });
    }

    private static void MapAdmin(WebApplication app, FaultSwitches faults)
    {
        app.MapGet(AdminPrefix + "/faults", () => Results.Json(faults.Current, SimulatorJson.Options));
        app.MapPost(AdminPrefix + "/faults", async (HttpContext context) =>
        {
            FaultSettings? next;
            try { next = await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, SimulatorJson.Options, context.RequestAborted); }
            catch (JsonException e) { return Results.BadRequest(new { error = e.Message }); }
            if (next is null) return Results.BadRequest(new { error = "body must be a JSON object" });
            var invalid = next.Validate();
            if (invalid is not null) return Results.BadRequest(new { error = invalid });
            faults.Set(next);
            return Results.Json(faults.Current, SimulatorJson.Options);
        });
        app.MapDelete(AdminPrefix + "/faults", () =>
        {
            faults.Set(FaultSettings.None);
            return Results.Json(faults.Current, SimulatorJson.Options);
        });
    }
}
