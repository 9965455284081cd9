using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Hosting;
using Safe6G.Exporters.Sdk.Logging;
using Safe6G.Exporters.Sdk.Web;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Config;
using Safe6G.Gateway.Proxy;
using Safe6G.Gateway.Routes;
using Safe6G.Gateway.Tenancy;
using Serilog;

namespace Safe6G.Gateway.Hosting;

/// <summary>Builds and starts the gateway on Kestrel; dispose the result to stop it.</summary>
public static class GatewayHost
{
    /// <summary>Loads the config (file:line:field errors as <see cref="ConfigException"/>) and starts.</summary>
    public static Task<RunningGateway> StartAsync(string? configFile, string listen, CancellationToken cancellationToken) =>
        StartAsync(YamlConfigLoader.Load<GatewayConfig>(configFile, "SAFE6G_GATEWAY_"), listen, cancellationToken);

    /// <summary>Starts with a loaded, validated config. The JWKS is read before the port opens.</summary>
    /// <exception cref="FormatException">The listen address is invalid.</exception>
    /// <exception cref="InvalidDataException">The JWKS cannot be read.</exception>
    public static async Task<RunningGateway> StartAsync(GatewayConfig config, string listen, CancellationToken cancellationToken)
    {
        // Parsed here so a bad address fails before the JWKS is fetched.
        ListenAddress.Parse(listen);
        var web = WebConfigLoader.Load(config.WebConfigFile);
        var log = LogSetup.Create("gateway", config.Logging);
        JwksSource jwks;
        try
        {
            jwks = await JwksSource.LoadAsync(config.Auth, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var builder = SafeWebHost.CreateBuilder(log, listen, web);
        builder.Services.AddServiceMetrics(GatewayMetrics.MeterName);
        var app = builder.Build();
        var metrics = new GatewayMetrics();
        var thanos = new Upstream("thanos", config.Thanos);
        var loki = config.Loki is null ? null : new Upstream("loki", config.Loki);
        var pipeline = new GatewayPipeline(new JwtAuthenticator(config.Auth, jwks), new TenantRegistry(config), metrics,
            app.Services.GetRequiredService<ILogger<GatewayPipeline>>());

        app.MapServiceMetrics();
        app.MapGet("/-/healthy", () => Results.Text("Healthy.\n"));
        app.MapGet("/-/ready", () => Results.Text("Ready.\n"));
        ThanosRoutes.Map(app, pipeline, thanos, config.Auth.Scopes.Metrics);
        if (loki is not null)
        {
            LokiRoutes.Map(app, pipeline, loki, config.Auth.Scopes.Logs);
        }

        DatasetRoutes.Map(app, pipeline, thanos, config.Datasets, config.Auth.Scopes.Datasets);
        app.MapFallback((HttpContext c) => ApiError.WriteAsync(c, 404, "not_found", $"no route {c.Request.Method} {c.Request.Path}"));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address");
        return new RunningGateway(app, new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"), jwks,
            [thanos, .. loki is null ? Array.Empty<IDisposable>() : [loki], metrics], log);
    }
}
